import type { SniffedType } from "./sniff-media-type";

export const MEDIA_KINDS = ["image", "video", "audio", "document", "sticker"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const isMediaKind = (t: string): t is MediaKind => (MEDIA_KINDS as readonly string[]).includes(t);

const MB = 1024 * 1024;
const KB = 1024;

const DOC = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
} as const;

/**
 * Meta's allowed types and size caps per media kind (shared/meta/REFERENCE.md §3 "Media"). Content types here are
 * canonical (no parameters). Sticker: 100 KB static, 500 KB animated.
 */
export const MEDIA_RULES: Record<MediaKind, { types: Record<string, string>; maxBytes: number }> = {
  image: { types: { "image/jpeg": "jpg", "image/png": "png" }, maxBytes: 5 * MB },
  video: { types: { "video/mp4": "mp4", "video/3gpp": "3gp" }, maxBytes: 16 * MB },
  audio: { types: { "audio/aac": "aac", "audio/amr": "amr", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/ogg": "ogg" }, maxBytes: 16 * MB },
  document: { types: Object.fromEntries(Object.entries(DOC).map(([ext, mime]) => [mime, ext])), maxBytes: 100 * MB },
  sticker: { types: { "image/webp": "webp" }, maxBytes: 500 * KB },
};
const STATIC_STICKER_MAX = 100 * KB;

/** Legacy Office files are OLE compound files: the bytes say "CFB", only the declaration says which one. */
const CFB_DOCUMENTS = new Set<string>([DOC.doc, DOC.xls, DOC.ppt]);

export type MediaCheck = { ok: true; contentType: string; ext: string } | { ok: false; reason: string };

const an = (word: string) => `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
const base = (mime: string | null | undefined) => (mime ?? "").split(";")[0].trim().toLowerCase();
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.ceil(n / KB)} KB`);

/** The sniffed type in the canonical form of MEDIA_RULES, given the kind of message it came in. */
function canonical(kind: MediaKind, sniffed: SniffedType): string {
  const mime = base(sniffed.mime);
  if (mime === "audio/x-m4a") return "audio/mp4";
  // An audio-only MP4 often carries a generic "isom"/"mp42" brand, which sniffs as video/mp4.
  if (kind === "audio" && mime === "video/mp4") return "audio/mp4";
  return mime;
}

function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides whether downloaded media may be stored and served. The type that counts is the one sniffed from the
 * bytes; it must be allowed for the kind of message (an image message must contain a JPEG or PNG). Two types
 * cannot be sniffed and rely on the declaration plus a check of the bytes: text/plain (declared text/plain and the
 * bytes are valid UTF-8 without NULs) and legacy Office (declared doc/xls/ppt and the bytes are an OLE compound file).
 */
export function checkMedia(input: {
  kind: MediaKind;
  declaredMime: string | null | undefined;
  bytes: Uint8Array;
  sniffed: SniffedType | undefined;
  /** Stickers only: animated stickers may be larger. */
  animated?: boolean;
}): MediaCheck {
  const { kind, bytes, sniffed } = input;
  const rules = MEDIA_RULES[kind];
  const declared = base(input.declaredMime);
  if (bytes.length === 0) return { ok: false, reason: "The file is empty" };
  const max = kind === "sticker" && !input.animated ? STATIC_STICKER_MAX : rules.maxBytes;
  if (bytes.length > max) {
    return { ok: false, reason: `The file is ${size(bytes.length)}; ${an(kind === "sticker" && !input.animated ? "static sticker" : kind)} may be at most ${size(max)}` };
  }

  if (!sniffed) {
    if (kind === "document" && declared === DOC.txt) {
      return isUtf8Text(bytes)
        ? { ok: true, contentType: DOC.txt, ext: "txt" }
        : { ok: false, reason: "Declared text/plain, but the content is not UTF-8 text" };
    }
    return { ok: false, reason: `The content is not a recognised file type (declared ${declared || "nothing"})` };
  }

  const actual = canonical(kind, sniffed);
  if (kind === "document" && actual === "application/x-cfb") {
    return CFB_DOCUMENTS.has(declared)
      ? { ok: true, contentType: declared, ext: rules.types[declared] }
      : { ok: false, reason: `The content is an OLE compound file (${sniffed.ext}) declared as ${declared || "nothing"}` };
  }
  const ext = rules.types[actual];
  if (!ext) {
    const declaredNote = declared && declared !== actual ? ` declared as ${declared}` : "";
    return { ok: false, reason: `The content is ${actual} (.${sniffed.ext})${declaredNote}, which is not allowed in ${an(kind)} message` };
  }
  return { ok: true, contentType: actual, ext };
}
