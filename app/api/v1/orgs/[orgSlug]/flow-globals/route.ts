import { readJson, withOrg } from "@/lib/api/route";
import { createFlowGlobal } from "@/lib/flows/settings/create-flow-global";
import { createFlowGlobalInput } from "@/lib/flows/settings/flow-settings-input";
import { listFlowGlobals } from "@/lib/flows/settings/list-flow-globals";

export const GET = withOrg("flows.read", async ({ ctx }) => ({ globals: await listFlowGlobals(ctx.org.id) }));

export const POST = withOrg("flows.manage", async ({ req, ctx }) => {
  const global = await createFlowGlobal(ctx, await readJson(req, createFlowGlobalInput));
  return Response.json({ global }, { status: 201 });
}, { idempotent: true });
