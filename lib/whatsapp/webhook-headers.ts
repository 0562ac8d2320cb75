const KEPT = ["x-hub-signature-256", "content-type", "content-length", "user-agent"];

/** The request headers worth keeping next to a stored webhook body (no cookies, no auth). */
export function webhookHeaders(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT) {
    const v = req.headers.get(name);
    if (v !== null) out[name] = v;
  }
  return out;
}
