import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { eraseContact } from "@/lib/contacts/erase-contact";

// `confirm: "ERASE"`: an erasure cannot be undone, so the caller says so explicitly.
const input = z.object({ confirm: z.literal("ERASE", "Send confirm: \"ERASE\" to erase this contact's personal data") }).strict();

export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.manage", async ({ req, params, ctx }) => {
  const contactId = parseId(params.contactId, "Contact");
  await readJson(req, input);
  return { erased: await eraseContact(ctx, contactId) };
});
