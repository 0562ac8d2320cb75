import { readJson, withOrg } from "@/lib/api/route";
import { contactTagInput } from "@/lib/api/openapi/contacts";
import { parseId } from "@/lib/api/parse-id";
import { setContactTag } from "@/lib/inbox/set-contact-tag";

export const POST = withOrg<{ orgSlug: string; contactId: string }>("contacts.write", async ({ req, params, ctx }) =>
  setContactTag(ctx, parseId(params.contactId, "Contact"), (await readJson(req, contactTagInput)).tagId, true),
);
