import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { contactTimeline } from "@/lib/contacts/contact-timeline";

// What happened to the contact: conversations, inbox events, consent changes, audited edits.
export const GET = withOrg<{ orgSlug: string; contactId: string }>("contacts.read", async ({ params, ctx }) => ({
  timeline: await contactTimeline(ctx.org.id, parseId(params.contactId, "Contact")),
}));
