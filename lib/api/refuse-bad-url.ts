import type { ErrorBody } from "@/lib/errors";

export type Refusal = { status: number; body: ErrorBody };

/**
 * Checked in server.ts before Next sees the request: Next answers 500 for a path whose percent-encoding does not
 * decode (`/%ff`, `/api/webhooks/whatsapp/%ff%fe`), and a NUL in a query parameter would reach Postgres (which
 * cannot store it) from any list or search route. Both are the caller's mistake, so they get a 4xx here, once,
 * for every route.
 */
export function refuseBadUrl(rawUrl: string): Refusal | null {
  const q = rawUrl.indexOf("?");
  const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return refusal(400, "bad_request", "The URL path is not valid percent-encoded UTF-8");
  }
  if (decoded.includes("\u0000")) return refusal(400, "bad_request", "The URL path must not contain the NUL character");
  if (q === -1) return null;
  for (const [name, value] of new URLSearchParams(rawUrl.slice(q + 1))) {
    if (name.includes("\u0000") || value.includes("\u0000")) {
      const param = JSON.stringify(name).slice(1, -1);
      const message = "must not contain the NUL character (\\u0000)";
      return { status: 422, body: { error: { code: "invalid_input", message: `${param}: ${message}`, issues: [{ path: param, message }] } } };
    }
  }
  return null;
}

function refusal(status: number, code: "bad_request", message: string): Refusal {
  return { status, body: { error: { code, message } } };
}
