import { fileTypeFromBuffer } from "file-type";

export type SniffedType = { mime: string; ext: string };

/**
 * The type of a file established from its bytes (magic numbers, container structure), never from what the sender
 * declared. `undefined` when the bytes match no known binary format (plain text is one of those).
 * `file-type` is pure ESM; it loads under tsx, vitest and in the Next server bundle.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<SniffedType | undefined> {
  if (bytes.length === 0) return undefined;
  const found = await fileTypeFromBuffer(bytes);
  return found ? { mime: found.mime, ext: found.ext } : undefined;
}
