import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { contactCustomFields, contactImports, tags } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, conflict } from "@/lib/errors";
import { enqueueInTransaction } from "@/lib/jobs";
import { toContactImportItem, type ContactImportItem } from "./contact-import-item";
import { getContactImportOrThrow } from "./get-contact-import-or-throw";
import type { ImportOptionsInput } from "./import-options";
import { readCsv } from "./read-csv";

/**
 * Step two: the mapping and choices are checked and the durable import is queued, in one transaction. The same
 * file with the same channel and choices as an earlier import is that import (`reused: true`): a second run of
 * the same file changes nothing, and the duplicate upload is dropped.
 */
export async function startContactImport(ctx: OrgContext, importId: string, input: ImportOptionsInput): Promise<{ import: ContactImportItem; reused: boolean }> {
  return enqueueInTransaction<{ import: ContactImportItem; reused: boolean }>(async (tx) => {
    const job = await getContactImportOrThrow(ctx.org.id, importId, tx);
    if (job.status !== "pending" || job.options) throw conflict("This import has already started");
    const [file] = await tx.select({ content: contactImports.content }).from(contactImports).where(eq(contactImports.id, job.id));
    const { headers } = readCsv(file.content);
    for (const index of Object.keys(input.mapping)) {
      if (Number(index) >= headers.length) throw new AppError("invalid_input", `mapping.${index}: the file has no such column`, [{ path: `mapping.${index}`, message: "No such column" }]);
    }
    const fieldKeys = Object.values(input.mapping).filter((t) => t.startsWith("field:")).map((t) => t.slice(6));
    if (fieldKeys.length) {
      const known = await tx
        .select({ key: contactCustomFields.key })
        .from(contactCustomFields)
        .where(and(eq(contactCustomFields.organizationId, ctx.org.id), isNull(contactCustomFields.deletedAt), inArray(contactCustomFields.key, fieldKeys)));
      const missing = fieldKeys.find((k) => !known.some((f) => f.key === k));
      if (missing) throw new AppError("invalid_input", `mapping: no custom field "${missing}"`, [{ path: "mapping", message: `No custom field "${missing}"` }]);
    }
    if (input.tagIds.length) {
      const found = await tx.select({ id: tags.id }).from(tags).where(and(eq(tags.organizationId, ctx.org.id), isNull(tags.deletedAt), inArray(tags.id, input.tagIds)));
      if (found.length !== new Set(input.tagIds).size) throw new AppError("invalid_input", "tagIds: a tag does not exist", [{ path: "tagIds", message: "Unknown tag" }]);
    }
    const options = { mapping: input.mapping, duplicates: input.duplicates, tagIds: [...input.tagIds].sort(), defaultCountry: ctx.org.defaultCountry ?? "BR" };
    const key = createHash("sha256").update(JSON.stringify([job.fileHash, job.channelId, options])).digest("hex");
    const [earlier] = await tx
      .select({ id: contactImports.id })
      .from(contactImports)
      .where(and(eq(contactImports.organizationId, ctx.org.id), eq(contactImports.key, key), ne(contactImports.status, "failed")));
    if (earlier) {
      await tx.delete(contactImports).where(and(eq(contactImports.organizationId, ctx.org.id), eq(contactImports.id, job.id)));
      const item = toContactImportItem(await getContactImportOrThrow(ctx.org.id, earlier.id, tx));
      return { result: { import: item, reused: true }, events: [] };
    }
    // A failed earlier run with the same key gives its key up, so the file can be imported again.
    await tx.update(contactImports).set({ key: null }).where(and(eq(contactImports.organizationId, ctx.org.id), eq(contactImports.key, key)));
    const [row] = await tx.update(contactImports).set({ options, key }).where(eq(contactImports.id, job.id)).returning();
    await recordAudit(tx, ctx, { action: "contact_import.start", targetType: "contact_import", targetId: job.id, metadata: { duplicates: options.duplicates, rows: job.totalRows } });
    return {
      result: { import: toContactImportItem(row), reused: false },
      events: [{ id: `contact-import-${job.id}`, name: "papo/contacts.import", data: { organizationId: ctx.org.id, importId: job.id } }],
    };
  });
}
