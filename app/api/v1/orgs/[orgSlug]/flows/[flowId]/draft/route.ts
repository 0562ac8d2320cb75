import { parseId } from "@/lib/api/parse-id";
import { readJson, withOrg } from "@/lib/api/route";
import { saveDraftInput } from "@/lib/flows/store/flow-input";
import { getDraft } from "@/lib/flows/store/get-draft";
import { saveDraft } from "@/lib/flows/store/save-draft";

type Params = { orgSlug: string; flowId: string };

export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => ({ draft: await getDraft(ctx.org.id, parseId(params.flowId, "Flow")) }));

/** Autosave: `{ graph, revision }`; a stale revision is a 409 (another tab saved first). */
export const PATCH = withOrg<Params>("flows.manage", async ({ req, params, ctx }) => ({
  draft: await saveDraft(ctx, parseId(params.flowId, "Flow"), await readJson(req, saveDraftInput)),
}));
