import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { contactImports } from "@/db/schema";
import { publishImportProgress } from "./publish-import-progress";

/** Marks an import completed (or failed with the reason) and pushes the final state to the progress bar. */
export async function finishContactImport(importId: string, failure?: string) {
  const [row] = await getDb()
    .update(contactImports)
    .set(failure ? { status: "failed", failureReason: failure.slice(0, 500), finishedAt: new Date() } : { status: "completed", finishedAt: new Date() })
    .where(and(eq(contactImports.id, importId), inArray(contactImports.status, ["pending", "running"])))
    .returning({
      id: contactImports.id,
      organizationId: contactImports.organizationId,
      status: contactImports.status,
      totalRows: contactImports.totalRows,
      processedRows: contactImports.processedRows,
      createdCount: contactImports.createdCount,
      updatedCount: contactImports.updatedCount,
      skippedCount: contactImports.skippedCount,
      errorCount: contactImports.errorCount,
    });
  if (row) publishImportProgress(row);
}
