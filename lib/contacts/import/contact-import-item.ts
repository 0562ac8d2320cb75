import type { ContactImport } from "@/db/schema";

export type ContactImportItem = Omit<ContactImport, "content" | "key" | "organizationId" | "startedAt" | "finishedAt" | "createdAt" | "updatedAt"> & {
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
};

/** An import as the API shows it: never the file's bytes. */
export function toContactImportItem(row: Omit<ContactImport, "content">): ContactImportItem {
  return {
    id: row.id,
    channelId: row.channelId,
    createdBy: row.createdBy,
    fileName: row.fileName,
    fileHash: row.fileHash,
    encoding: row.encoding,
    delimiter: row.delimiter,
    options: row.options,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    skippedCount: row.skippedCount,
    errorCount: row.errorCount,
    failureReason: row.failureReason,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
