import { readJson, withOrg } from "@/lib/api/route";
import { cannedReplyPatch } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { deleteCannedReply } from "@/lib/inbox/delete-canned-reply";
import { saveCannedReply } from "@/lib/inbox/save-canned-reply";

type P = { orgSlug: string; cannedReplyId: string };

export const PATCH = withOrg<P>("canned_replies.manage", async ({ req, params, ctx }) => ({
  cannedReply: await saveCannedReply(ctx, await readJson(req, cannedReplyPatch), parseId(params.cannedReplyId, "Canned reply")),
}));

export const DELETE = withOrg<P>("canned_replies.manage", async ({ params, ctx }) => {
  await deleteCannedReply(ctx, parseId(params.cannedReplyId, "Canned reply"));
  return { ok: true };
});
