import { withOrg } from "@/lib/api/route";
import { countContacts } from "@/lib/contacts/count-contacts";
import { parseContactQuery } from "@/lib/contacts/parse-contact-query";

export const GET = withOrg("contacts.read", async ({ req, ctx }) => {
  const { filter } = await parseContactQuery(ctx.org.id, req.url);
  return { count: await countContacts(ctx.org.id, filter) };
});
