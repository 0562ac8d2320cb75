import { readJson, withOrg } from "@/lib/api/route";
import { contactEraseInput } from "@/lib/api/openapi/contacts";
import { parseId } from "@/lib/api/parse-id";
import { eraseContact } from "@/lib/contacts/erase-contact";

// `confirm: "ERASE"`: an erasure cannot be undone, so the caller says so explicitly.
export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.manage", async ({ req, params, ctx }) => {
  const contactId = parseId(params.contactId, "Contact");
  await readJson(req, contactEraseInput);
  return { erased: await eraseContact(ctx, contactId) };
});
