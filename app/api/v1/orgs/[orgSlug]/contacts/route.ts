import { withOrg } from "@/lib/api/route";
import { listContacts } from "@/lib/contacts/list-contacts";
import { parseContactQuery } from "@/lib/contacts/parse-contact-query";

// The contacts page and API: the shared filter (`filter` JSON or `segmentId`), search `q`, sort and keyset pages.
export const GET = withOrg("contacts.read", async ({ req, ctx }) => {
  const { filter, sort, direction, limit, cursor } = await parseContactQuery(ctx.org.id, req.url);
  return listContacts({ organizationId: ctx.org.id, filter, sort, direction, limit, cursor });
});
