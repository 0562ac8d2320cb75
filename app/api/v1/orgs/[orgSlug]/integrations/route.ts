import { readJson, withOrg } from "@/lib/api/route";
import { createConnectionInput } from "@/lib/integrations/connection-input";
import { createConnection, listConnections } from "@/lib/integrations/manage-connections";

// Named connections to the organization's own systems. Everyone who can open flows sees the names (the HTTP node's
// picker) and header names; header values are write-only.
export const GET = withOrg("flows.read", async ({ ctx }) => ({ connections: await listConnections(ctx.org.id) }));

export const POST = withOrg("integrations.manage", async ({ req, ctx }) =>
  Response.json({ connection: await createConnection(ctx, await readJson(req, createConnectionInput)) }, { status: 201 }), { idempotent: true });
