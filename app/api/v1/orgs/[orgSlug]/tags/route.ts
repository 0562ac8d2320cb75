import { readJson, withOrg } from "@/lib/api/route";
import { tagInput } from "@/lib/api/openapi/conversations";
import { createTag } from "@/lib/inbox/create-tag";
import { listTags } from "@/lib/inbox/list-tags";

export const GET = withOrg("conversations.read", async ({ ctx }) => ({ tags: await listTags(ctx.org.id) }));

export const POST = withOrg("conversations.manage", async ({ req, ctx }) =>
  Response.json({ tag: await createTag(ctx, await readJson(req, tagInput)) }, { status: 201 }), { idempotent: true });
