import { AppError, toErrorBody } from "@/lib/errors";
import { findUnsafeText } from "./find-unsafe-text";
import { readBodyText } from "./read-body-text";

/** Sign-in and sign-out bodies are a few fields; nothing legitimate comes near this. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * next-auth parses a JSON body with `req.json()` and lets the error escape as a 500; a NUL in the e-mail would
 * reach Postgres. Checked on a clone before next-auth reads the request: null when the body is fine, else the 4xx
 * to answer (`{ error: { code, message } }`, like every other API route).
 */
export async function checkAuthBody(req: Request): Promise<Response | null> {
  if (req.method !== "POST" || !req.body) return null;
  const type = req.headers.get("content-type") ?? "";
  const json = type.includes("application/json");
  if (!json && !type.includes("application/x-www-form-urlencoded")) return null;
  try {
    const text = await readBodyText(req.clone(), MAX_AUTH_BODY_BYTES);
    let fields: unknown;
    try {
      fields = json ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
    } catch {
      throw new AppError("bad_request", "The request body must be valid JSON");
    }
    if (json && (fields === null || typeof fields !== "object" || Array.isArray(fields))) {
      throw new AppError("bad_request", "The request body must be a JSON object");
    }
    const unsafe = findUnsafeText(fields);
    if (unsafe) throw new AppError("invalid_input", `${unsafe.path}: ${unsafe.reason}`, [{ path: unsafe.path, message: unsafe.reason }]);
    return null;
  } catch (err) {
    const { status, body } = toErrorBody(err);
    return Response.json(body, { status });
  }
}
