import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { updateConnectionInput } from "@/lib/integrations/connection-input";
import { deleteConnection, updateConnection } from "@/lib/integrations/manage-connections";

type Params = { orgSlug: string; connectionId: string };

export const PATCH = withOrg<Params>("integrations.manage", async ({ req, params, ctx }) => ({
  connection: await updateConnection(ctx, parseId(params.connectionId, "Connection"), await readJson(req, updateConnectionInput)),
}));

export const DELETE = withOrg<Params>("integrations.manage", async ({ params, ctx }) => {
  await deleteConnection(ctx, parseId(params.connectionId, "Connection"));
  return { ok: true };
});
