import { readJson, withOrg } from "@/lib/api/route";
import { contactMergeInput } from "@/lib/api/openapi/contacts";
import { parseId } from "@/lib/api/parse-id";
import { mergeContacts } from "@/lib/contacts/merge-contacts";

// Merges sourceContactId INTO this contact (the target wins on conflicting attributes).
export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.manage", async ({ req, params, ctx }) => {
  const targetId = parseId(params.contactId, "Contact");
  const { sourceContactId } = await readJson(req, contactMergeInput);
  return mergeContacts(ctx, targetId, sourceContactId.toLowerCase());
});
