import { readJson, withOrg } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { deleteFlowGlobal } from "@/lib/flows/settings/delete-flow-global";
import { flowGlobalName, updateFlowGlobalInput } from "@/lib/flows/settings/flow-settings-input";
import { updateFlowGlobal } from "@/lib/flows/settings/update-flow-global";

type Params = { orgSlug: string; name: string };

/** A name no global can have (reserved "papo:…" rows included) names nothing here. */
function globalName(raw: string): string {
  const parsed = flowGlobalName.safeParse(raw);
  if (!parsed.success || parsed.data !== raw) throw notFound("Global");
  return parsed.data;
}

export const PATCH = withOrg<Params>("flows.manage", async ({ req, params, ctx }) => {
  const name = globalName(params.name);
  const { value } = await readJson(req, updateFlowGlobalInput);
  return { global: await updateFlowGlobal(ctx, name, value) };
});

export const DELETE = withOrg<Params>("flows.manage", async ({ params, ctx }) => {
  await deleteFlowGlobal(ctx, globalName(params.name));
  return { ok: true };
});
