import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { updateContactInput } from "@/lib/contacts/contact-input";
import { deleteContact } from "@/lib/contacts/delete-contact";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";
import { updateContact } from "@/lib/inbox/update-contact";

type P = { orgSlug: string; contactId: string };

// The contact: fields, tags, opt-in, block, previous conversations (the inbox side panel and the contact page).
export const GET = withOrg<P>("contacts.read", async ({ params, ctx }) => getContactPanel(ctx.org.id, parseId(params.contactId, "Contact")));

// Edit (agent rule: a conversation with the contact the caller may act on, unless contacts.manage).
export const PATCH = withOrg<P>("contacts.write", async ({ req, params, ctx }) =>
  updateContact(ctx, parseId(params.contactId, "Contact"), await readJson(req, updateContactInput)),
);

// Remove from lists (soft delete); erasure of personal data is POST …/erase.
export const DELETE = withOrg<P>("contacts.manage", async ({ params, ctx }) => {
  await deleteContact(ctx, parseId(params.contactId, "Contact"));
  return { ok: true };
});
