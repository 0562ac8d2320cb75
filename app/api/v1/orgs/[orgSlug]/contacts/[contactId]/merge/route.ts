import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { mergeContacts } from "@/lib/contacts/merge-contacts";

const input = z.object({ sourceContactId: z.uuid() }).strict();

// Merges sourceContactId INTO this contact (the target wins on conflicting attributes).
export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.manage", async ({ req, params, ctx }) => {
  const targetId = parseId(params.contactId, "Contact");
  const { sourceContactId } = await readJson(req, input);
  return mergeContacts(ctx, targetId, sourceContactId.toLowerCase());
});
