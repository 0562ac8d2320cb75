import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";

/**
 * The largest JSON body any v1 route accepts. The biggest legitimate body is a flow draft (2000 nodes, 6000
 * edges): a few MiB at most. Anything larger is refused before it is buffered whole.
 */
export const MAX_JSON_BODY_BYTES = 5 * 1024 * 1024;

/** Reads a request body as UTF-8 text, stopping with a 413 as soon as it passes `maxBytes`. */
export async function readBodyText(req: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const bytes = await readLimitedBody(req, maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  // TextDecoder decodes like Request.json() did: a leading BOM is dropped, invalid bytes become U+FFFD.
  return new TextDecoder().decode(bytes);
}

const tooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The request body is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`);
