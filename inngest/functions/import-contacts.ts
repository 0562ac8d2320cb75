import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { contactImports } from "@/db/schema";
import { getContactImportOrThrow } from "@/lib/contacts/import/get-contact-import-or-throw";
import { finishContactImport } from "@/lib/contacts/import/finish-contact-import";
import { IMPORT_BATCH_ROWS, importBatch } from "@/lib/contacts/import/import-batch";
import { publishImportProgress } from "@/lib/contacts/import/publish-import-progress";
import { contactsImport, inngest } from "../client";

/**
 * A started contact import, one step per batch of rows (lib/contacts/import/import-batch.ts): each batch commits
 * with its counters, so a crash resumes at the next batch and a retried batch changes nothing. Imports of one
 * organization run one at a time (they count against one plan limit).
 */
export const importContacts = inngest.createFunction(
  {
    id: "import-contacts",
    triggers: [contactsImport],
    concurrency: { limit: 1, key: "event.data.organizationId" },
    retries: 3,
    onFailure: async ({ event, error }) => {
      const { importId } = event.data.event.data as { importId: string };
      await finishContactImport(importId, error.message);
    },
  },
  async ({ event, step }) => {
    const { importId } = event.data;
    const total = await step.run("count-rows", async () => {
      const [row] = await getDb().select({ totalRows: contactImports.totalRows }).from(contactImports).where(eq(contactImports.id, importId));
      return row?.totalRows ?? 0;
    });
    for (let start = 0; start < total; start += IMPORT_BATCH_ROWS) {
      await step.run(`rows-${start}`, async () => {
        const done = await importBatch(importId, start);
        publishImportProgress(await getContactImportOrThrow(event.data.organizationId, importId));
        return done ? { processed: done.processed, ...done.counts } : { processed: start + IMPORT_BATCH_ROWS, already: true };
      });
    }
    await step.run("finish", () => finishContactImport(importId));
    return { rows: total };
  },
);
