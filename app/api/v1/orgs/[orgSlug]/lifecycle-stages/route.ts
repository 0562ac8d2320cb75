import { readJson, withOrg } from "@/lib/api/route";
import { createLifecycleStage, listLifecycleStages, stageInput } from "@/lib/contacts/lifecycle-stages";

export const GET = withOrg("contacts.read", async ({ ctx }) => ({ stages: await listLifecycleStages(ctx.org.id) }));

export const POST = withOrg("contacts.manage", async ({ req, ctx }) =>
  Response.json({ stage: await createLifecycleStage(ctx, await readJson(req, stageInput)) }, { status: 201 }), { idempotent: true });
