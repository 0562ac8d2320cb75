import { readJson, withOrg } from "@/lib/api/route";
import { parseContactListFilter } from "@/lib/contacts/contact-list-filter";
import { createContactInput } from "@/lib/contacts/contact-input";
import { createContact } from "@/lib/contacts/create-contact";
import { fromContactListFilter, usesContactListFilter } from "@/lib/contacts/from-contact-list-filter";
import { listContacts } from "@/lib/contacts/list-contacts";
import { parseContactQuery } from "@/lib/contacts/parse-contact-query";

// The contacts list: the shared filter (`filter` JSON or `segmentId`) and/or the flat spelling (tag, stage, consent,
// channelId, blocked, created/last-message dates, field.<key>[:op]); search `q`, sort and keyset pages.
export const GET = withOrg("contacts.read", async ({ req, ctx }) => {
  const url = new URL(req.url);
  const query = await parseContactQuery(ctx.org.id, req.url);
  const flat = usesContactListFilter(url.searchParams) ? fromContactListFilter(parseContactListFilter(url.searchParams)).filter : {};
  return listContacts({ organizationId: ctx.org.id, filter: { ...query.filter, ...flat }, sort: query.sort, direction: query.direction, limit: query.limit, cursor: query.cursor });
});

// A contact by hand or API (plan limit, one per number and channel).
export const POST = withOrg("contacts.write", async ({ req, ctx }) =>
  Response.json({ contact: await createContact(ctx, await readJson(req, createContactInput)) }, { status: 201 }), { idempotent: true });
