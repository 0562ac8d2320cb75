import { readJson, withOrg } from "@/lib/api/route";
import { bulkContactAction, bulkContactActionInput } from "@/lib/contacts/bulk-contact-action";

// Tag, untag, set stage or delete picked contacts (`target.ids`) or every contact a filter matches (`target.filter`).
export const POST = withOrg("contacts.manage", async ({ req, ctx }) => bulkContactAction(ctx, await readJson(req, bulkContactActionInput)));
