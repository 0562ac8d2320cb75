import { withOrg, readJson } from "@/lib/api/route";
import { listCannedReplies } from "@/lib/inbox/list-canned-replies";
import { cannedReplyInput, saveCannedReply } from "@/lib/inbox/save-canned-reply";

export const GET = withOrg("conversations.read", async ({ req, ctx }) => ({
  cannedReplies: await listCannedReplies(ctx.org.id, new URL(req.url).searchParams.get("q") ?? undefined),
}));

export const POST = withOrg("canned_replies.manage", async ({ req, ctx }) =>
  Response.json({ cannedReply: await saveCannedReply(ctx, await readJson(req, cannedReplyInput)) }, { status: 201 }), { idempotent: true });
