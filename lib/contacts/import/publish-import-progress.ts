import type { ContactImport } from "@/db/schema";
import { ioInstance } from "@/lib/realtime/io-instance";
import { orgRoom } from "@/lib/realtime/rooms";

export type ImportProgressEvent = Pick<ContactImport, "id" | "organizationId" | "status" | "totalRows" | "processedRows" | "createdCount" | "updatedCount" | "skippedCount" | "errorCount">;

/**
 * Pushes an import's counters to the organization's sockets (`contact-import`), after the batch committed. Not
 * stored for catch-up: the import page reads the current state over HTTP when it (re)connects.
 */
export function publishImportProgress(row: ImportProgressEvent) {
  const { id, status, totalRows, processedRows, createdCount, updatedCount, skippedCount, errorCount } = row;
  ioInstance()?.to(orgRoom(row.organizationId)).emit("contact-import", { id, status, totalRows, processedRows, createdCount, updatedCount, skippedCount, errorCount });
}
