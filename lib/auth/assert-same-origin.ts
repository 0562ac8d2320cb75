import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF: a browser attaches the session cookie to a request another site's page makes (even a `text/plain` form
 * post, which needs no CORS preflight). So a state-changing request authenticated by the cookie must come from
 * Papo's own pages: its `Origin` must be this server (the Host it was sent to, or PAPO_PUBLIC_URL). Without an
 * Origin, `Sec-Fetch-Site` decides; a request with neither is not from a modern browser, so no cookie was sent on
 * a user's behalf. API-key (Bearer) requests never reach this: no browser adds that header by itself.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (!isOwnOrigin(origin, req.headers.get("host"))) throw crossSite();
    return;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw crossSite();
}

export function isOwnOrigin(origin: string, host: string | null): boolean {
  try {
    const o = new URL(origin);
    return (host !== null && o.host === host) || o.origin === new URL(env().publicUrl).origin;
  } catch {
    // "null" (sandboxed frames, file://) and anything unparsable
    return false;
  }
}

const crossSite = () => forbidden("Cross-site request refused: send it from Papo's own pages, or use an API key");
