import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contactImports } from "@/db/schema";
import { withOrg } from "@/lib/api/route";
import { getContactImportOrThrow } from "@/lib/contacts/import/get-contact-import-or-throw";
import { readCsv } from "@/lib/contacts/import/read-csv";
import { streamImportErrorsCsv } from "@/lib/contacts/import/stream-import-errors-csv";

type P = { orgSlug: string; importId: string };

// The rows that failed, with the reason, as CSV (streamed).
export const GET = withOrg<P>("contacts.manage", async ({ params, ctx }) => {
  const job = await getContactImportOrThrow(ctx.org.id, params.importId);
  const [file] = await getDb().select({ content: contactImports.content }).from(contactImports).where(eq(contactImports.id, job.id));
  const { headers } = readCsv(file.content);
  return new Response(streamImportErrorsCsv(ctx.org.id, job.id, headers), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="import-errors-${job.id.slice(0, 8)}.csv"`, "cache-control": "no-store" },
  });
});
