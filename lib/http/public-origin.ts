import { env } from "@/lib/env";

/**
 * The origin people (and Meta) reach Papo at, for absolute links: webhook URLs and invitation links.
 * PAPO_PUBLIC_URL wins; otherwise the Host the browser used (a reverse proxy's X-Forwarded-* first). Next's
 * `req.url` is not a substitute: behind the custom server it names the bind address, not what the browser typed.
 */
export function publicOrigin(headers: Headers): string {
  const e = env();
  if (e.PAPO_PUBLIC_URL) return e.publicUrl;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return e.publicUrl;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
