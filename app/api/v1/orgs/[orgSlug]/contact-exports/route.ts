import { withOrg } from "@/lib/api/route";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/db";
import { parseContactQuery } from "@/lib/contacts/parse-contact-query";
import { streamContactsCsv } from "@/lib/contacts/stream-contacts-csv";

// A CSV of the contacts a filter or segment matches, streamed as it is read (never the whole list in memory).
export const GET = withOrg("contacts.manage", async ({ req, ctx }) => {
  const { filter, segmentId } = await parseContactQuery(ctx.org.id, req.url);
  const body = await streamContactsCsv(ctx.org.id, filter);
  await recordAudit(getDb(), ctx, { action: "contacts.export", targetType: "contact", metadata: { filter, ...(segmentId && { segmentId }) } });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="contacts-${day}.csv"`, "cache-control": "no-store" },
  });
});
