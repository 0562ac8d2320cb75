import { readJson, withOrg } from "@/lib/api/route";
import { parseContactListFilter } from "@/lib/contacts/contact-list-filter";
import { createContactInput } from "@/lib/contacts/contact-input";
import { createContact } from "@/lib/contacts/create-contact";
import { listContacts } from "@/lib/contacts/list-contacts";

// The contacts list: filters tag, stage, consent, channelId, blocked, created/last-message dates, field.<key>[:op], q.
export const GET = withOrg("contacts.read", async ({ req, ctx }) => listContacts(ctx.org.id, parseContactListFilter(new URL(req.url).searchParams)));

// A contact by hand or API (plan limit, one per number and channel).
export const POST = withOrg("contacts.write", async ({ req, ctx }) =>
  Response.json({ contact: await createContact(ctx, await readJson(req, createContactInput)) }, { status: 201 }),
);
