import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { consentInput } from "@/lib/contacts/contact-input";
import { listConsentHistory, setContactConsent } from "@/lib/contacts/set-contact-consent";

type P = { orgSlug: string; contactId: string };

export const GET = withOrg<P>("contacts.read", async ({ params, ctx }) => listConsentHistory(ctx.org.id, parseId(params.contactId, "Contact")));

// An agent's consent change, with the evidence it rests on (agent rule as for edits).
export const POST = withOrg<P>("contacts.write", async ({ req, params, ctx }) => {
  const contactId = parseId(params.contactId, "Contact");
  return Response.json(await setContactConsent(ctx, contactId, await readJson(req, consentInput)), { status: 201 });
}, { idempotent: true });
