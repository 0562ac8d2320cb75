import { withOrg } from "@/lib/api/route";
import { toContactImportItem } from "@/lib/contacts/import/contact-import-item";
import { getContactImportOrThrow } from "@/lib/contacts/import/get-contact-import-or-throw";

type P = { orgSlug: string; importId: string };

// An import's progress and counters (the progress bar's state after a reconnect).
export const GET = withOrg<P>("contacts.manage", async ({ params, ctx }) => ({ import: toContactImportItem(await getContactImportOrThrow(ctx.org.id, params.importId)) }));
