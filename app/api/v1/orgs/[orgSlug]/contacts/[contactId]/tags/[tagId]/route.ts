import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { setContactTag } from "@/lib/inbox/set-contact-tag";

export const DELETE = withOrg<{ orgSlug: string; contactId: string; tagId: string }>("contacts.write", async ({ params, ctx }) =>
  setContactTag(ctx, parseId(params.contactId, "Contact"), parseId(params.tagId, "Tag"), false),
);
