import { createHash } from "node:crypto";
import { getDb } from "@/db";
import { contactImports } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { getChannelOrThrow } from "@/lib/channels/get-channel-or-throw";
import { AppError } from "@/lib/errors";
import { toContactImportItem } from "./contact-import-item";
import { readCsv } from "./read-csv";
import { suggestMapping } from "./suggest-mapping";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

/**
 * Step one of an import: store the uploaded file, detect its encoding and separator, and answer what the mapping
 * screen needs (columns, a preview, a suggested mapping). Nothing is imported until it is started.
 */
export async function createContactImport(ctx: OrgContext, input: { channelId: string; fileName: string; bytes: Uint8Array }) {
  if (input.bytes.byteLength === 0) throw new AppError("invalid_input", "file: the file is empty", [{ path: "file", message: "The file is empty" }]);
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("payload_too_large", "The file is larger than 20 MB");
  const channel = await getChannelOrThrow(ctx.org.id, input.channelId);
  const csv = readCsv(input.bytes);
  if (!csv.headers.length || !csv.rows.length) throw new AppError("invalid_input", "file: no rows under the header", [{ path: "file", message: "No rows under the header" }]);
  if (csv.rows.length > MAX_IMPORT_ROWS) throw new AppError("invalid_input", `file: at most ${MAX_IMPORT_ROWS} rows per import`, [{ path: "file", message: "Too many rows" }]);
  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const row = await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(contactImports)
      .values({
        organizationId: ctx.org.id,
        channelId: channel.id,
        createdBy: ctx.userId,
        fileName: input.fileName.slice(0, 200) || "contacts.csv",
        fileHash,
        content: input.bytes,
        encoding: csv.encoding,
        delimiter: csv.delimiter,
        totalRows: csv.rows.length,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "contact_import.upload", targetType: "contact_import", targetId: created.id, metadata: { fileName: created.fileName, rows: csv.rows.length } });
    return created;
  });
  return {
    import: toContactImportItem(row),
    headers: csv.headers,
    preview: csv.rows.slice(0, 5),
    suggestedMapping: suggestMapping(csv.headers),
  };
}
