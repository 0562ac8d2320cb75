import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { createTag } from "@/lib/inbox/create-tag";
import { listTags } from "@/lib/inbox/list-tags";

const input = z.object({ name: z.string().trim().min(1, "Name the tag").max(40), color: z.string().trim().regex(/^[a-z]{3,12}$|^#[0-9a-f]{6}$/i).optional() });

export const GET = withOrg("conversations.read", async ({ ctx }) => ({ tags: await listTags(ctx.org.id) }));

export const POST = withOrg("conversations.manage", async ({ req, ctx }) =>
  Response.json({ tag: await createTag(ctx, await readJson(req, input)) }, { status: 201 }),
);
