import { bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";
import { messages } from "./conversations";

/** stored: bytes kept and servable · blocked: failed the type/size checks, never served · failed: could not download. */
export const attachmentStatusEnum = pgEnum("attachment_status", ["stored", "blocked", "failed"]);

/**
 * The media of an inbound message (lib/media/download-inbound-media.ts). One row per (message, Meta media id).
 * `sniffed_mime` is the type established from the bytes (for plain text: declared text/plain and checked as UTF-8;
 * for a stored row it is the type the file is served with). `storage_key` is null unless the row is `stored`.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").notNull().references(() => messages.id, { onDelete: "cascade" }),
    waMediaId: text("wa_media_id").notNull(),
    declaredMime: text("declared_mime"),
    sniffedMime: text("sniffed_mime"),
    /** The name the sender gave a document; shown, never used as a storage path. */
    filename: text("filename"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    sha256: text("sha256"),
    storageKey: text("storage_key"),
    status: attachmentStatusEnum("status").notNull(),
    /** Why a `blocked` row was blocked, or why a `failed` download failed. Shown to agents. */
    blockReason: text("block_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("attachments_message_wa_media_id_key").on(t.messageId, t.waMediaId),
    index("attachments_org_idx").on(t.organizationId),
  ],
);

export type Attachment = typeof attachments.$inferSelect;
