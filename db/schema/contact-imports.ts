import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, bytea, id, updatedAt } from "./columns";
import { organizations, users } from "./organizations";
import { channels } from "./channels";

export const contactImportStatusEnum = pgEnum("contact_import_status", ["pending", "running", "completed", "failed"]);
export type ContactImportStatus = (typeof contactImportStatusEnum.enumValues)[number];

/** How an import's mapping and choices are stored (validated by lib/contacts/import/import-options.ts). */
export type ContactImportOptions = {
  mapping: Record<string, string>;
  duplicates: "skip" | "fill" | "overwrite";
  tagIds: string[];
  defaultCountry: string;
};

/**
 * One CSV import: the uploaded bytes (kept so the durable function can re-read them on any process), the detected
 * format, the mapping, and counters the progress bar reads. `key` (file hash + channel + options) makes a re-run of
 * the same file with the same choices return the same import instead of starting another.
 */
export const contactImports = pgTable(
  "contact_imports",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    fileHash: text("file_hash").notNull(),
    key: text("key"),
    content: bytea("content").notNull(),
    encoding: text("encoding").notNull(),
    delimiter: text("delimiter").notNull(),
    options: jsonb("options").$type<ContactImportOptions>(),
    status: contactImportStatusEnum("status").notNull().default("pending"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    errorCount: integer("error_count").notNull().default(0),
    failureReason: text("failure_reason"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("contact_imports_org_key_key").on(t.organizationId, t.key), index("contact_imports_org_idx").on(t.organizationId, t.createdAt)],
);

/** A row the import could not take, with the reason and the row as it was read (downloadable as CSV). */
export const contactImportErrors = pgTable(
  "contact_import_errors",
  {
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    importId: uuid("import_id").notNull().references(() => contactImports.id, { onDelete: "cascade" }),
    /** 1-based data row number (the header is row 0), so a re-run of a batch overwrites instead of duplicating. */
    rowNumber: integer("row_number").notNull(),
    reason: text("reason").notNull(),
    row: jsonb("row").$type<Record<string, string>>().notNull(),
  },
  (t) => [uniqueIndex("contact_import_errors_import_row_key").on(t.importId, t.rowNumber)],
);

export type ContactImport = typeof contactImports.$inferSelect;
