/** Meta sends at most 3 MB per webhook POST; anything larger is refused before it is buffered. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

/**
 * The request body as raw bytes, or null when it exceeds `limit` (webhooks use the bytes, readBodyText decodes them). Content-Length is checked first; the stream is
 * still counted, because a chunked body has no length header.
 */
export async function readLimitedBody(req: Request, limit = MAX_WEBHOOK_BYTES): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
