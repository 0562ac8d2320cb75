import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { deleteTag } from "@/lib/inbox/delete-tag";

export const DELETE = withOrg<{ orgSlug: string; tagId: string }>("tags.manage", async ({ params, ctx }) => {
  await deleteTag(ctx, parseId(params.tagId, "Tag"));
  return { ok: true };
});
