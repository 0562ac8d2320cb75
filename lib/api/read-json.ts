import type { ZodType } from "zod";
import { AppError } from "@/lib/errors";
import { findUnsafeText } from "./find-unsafe-text";
import { readBodyText } from "./read-body-text";

/**
 * Parses a JSON body against a schema — the one door every v1 request body comes through, so the rules hold for
 * every route: larger than MAX_JSON_BODY_BYTES → 413; malformed JSON → 400; a NUL or a lone surrogate in any
 * string → 422 naming the field (Postgres cannot store either; refusing beats a 500 halfway through a write);
 * a body that fails the schema → 422; a PATCH that leaves nothing to change (`{}` or only unknown keys) → 400.
 */
export async function readJson<T>(req: Request, schema: ZodType<T>): Promise<T> {
  const raw = parseJson(await readBodyText(req));
  const unsafe = findUnsafeText(raw);
  if (unsafe) {
    const path = unsafe.path || "body";
    throw new AppError("invalid_input", `${path}: ${unsafe.reason}`, [{ path, message: unsafe.reason }]);
  }
  const input = schema.parse(raw);
  if (req.method === "PATCH" && isEmptyPatch(input)) {
    throw new AppError("bad_request", "Nothing to change: send at least one of the fields this resource accepts");
  }
  return input;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON");
  }
}

/** After the schema stripped unknown keys: a plain object with no defined value left. */
function isEmptyPatch(input: unknown): boolean {
  if (!input || typeof input !== "object" || Array.isArray(input)) return false;
  return Object.values(input).every((v) => v === undefined);
}
