import type { Attachment } from "@/db/schema";
import { AppError, forbidden } from "@/lib/errors";
import type { MediaStorage } from "./media-storage";
import { assertMediaKey } from "./media-storage";

const INLINE = /^(image|video|audio)\//;

/**
 * The HTTP answer for an attachment: the stored bytes with the SNIFFED content type, `nosniff`, a sandboxing CSP,
 * inline only for images, video and audio (everything else downloads). A blocked attachment is refused (403, with
 * the reason) and its bytes are never read; a failed one has none.
 */
export async function serveAttachment(attachment: Attachment, storage: MediaStorage): Promise<Response> {
  if (attachment.status === "blocked") throw forbidden(`Blocked: ${attachment.blockReason ?? "the file failed the media checks"}`);
  if (attachment.status !== "stored" || !attachment.storageKey || !attachment.sniffedMime) {
    throw new AppError("not_found", `Attachment has no stored file${attachment.blockReason ? ` (${attachment.blockReason})` : ""}`);
  }
  const stored = await storage.get(attachment.storageKey);
  if (!stored) throw new AppError("not_found", "Attachment file is missing from storage");
  const contentType = attachment.sniffedMime === "text/plain" ? "text/plain; charset=utf-8" : attachment.sniffedMime;
  const ext = assertMediaKey(attachment.storageKey).ext;
  const name = `${safeName(attachment.filename) ?? attachment.id}${ext && !attachment.filename?.toLowerCase().endsWith(`.${ext}`) ? `.${ext}` : ""}`;
  const disposition = INLINE.test(contentType) ? "inline" : "attachment";
  return new Response(stored.body, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(stored.size),
      "content-disposition": `${disposition}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}

/** The sender's file name reduced to something harmless in a header (no paths, no control characters). */
function safeName(filename: string | null): string | null {
  if (!filename) return null;
  const base = filename.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\x00-\x1f\x7f]/g, "").trim().slice(0, 150);
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : null;
}
