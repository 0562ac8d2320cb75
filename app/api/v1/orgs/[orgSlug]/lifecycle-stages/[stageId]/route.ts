import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { deleteLifecycleStage, stagePatch, updateLifecycleStage } from "@/lib/contacts/lifecycle-stages";

type P = { orgSlug: string; stageId: string };

export const PATCH = withOrg<P>("contacts.manage", async ({ req, params, ctx }) => {
  const stageId = parseId(params.stageId, "Lifecycle stage");
  return { stage: await updateLifecycleStage(ctx, stageId, await readJson(req, stagePatch)) };
});

export const DELETE = withOrg<P>("contacts.manage", async ({ params, ctx }) => {
  await deleteLifecycleStage(ctx, parseId(params.stageId, "Lifecycle stage"));
  return { ok: true };
});
