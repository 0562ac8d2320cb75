import { AppError } from "@/lib/errors";

/**
 * The largest JSON body any v1 route accepts. The biggest legitimate body is a flow draft (2000 nodes, 6000
 * edges): a few MiB at most. Anything larger is refused before it is buffered whole.
 */
export const MAX_JSON_BODY_BYTES = 5 * 1024 * 1024;

/** Reads a request body as UTF-8 text, stopping with a 413 as soon as it passes `maxBytes`. */
export async function readBodyText(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  // TextDecoder decodes like Request.json() did: a leading BOM is dropped, invalid bytes become U+FFFD.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`);
