import { and, asc, eq, gt } from "drizzle-orm";
import Papa from "papaparse";
import { getDb } from "@/db";
import { contactImportErrors } from "@/db/schema";

const BATCH = 1000;

/** The rows an import could not take, as they were read plus a `reason` column: fix them and import this file. */
export function streamImportErrorsCsv(organizationId: string, importId: string, headers: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\ufeff${Papa.unparse([["row", ...headers, "reason"]])}\r\n`));
        return;
      }
      const rows = await getDb()
        .select()
        .from(contactImportErrors)
        .where(and(eq(contactImportErrors.organizationId, organizationId), eq(contactImportErrors.importId, importId), gt(contactImportErrors.rowNumber, after)))
        .orderBy(asc(contactImportErrors.rowNumber))
        .limit(BATCH);
      if (rows.length) {
        after = rows[rows.length - 1].rowNumber;
        controller.enqueue(encoder.encode(`${Papa.unparse(rows.map((r) => [String(r.rowNumber), ...headers.map((h) => r.row[h] ?? ""), r.reason]))}\r\n`));
      }
      if (rows.length < BATCH) controller.close();
    },
  });
}
