/**
 * The address a request came from, as server.ts recorded it (`x-papo-client-ip`, overwritten on every request so a
 * client cannot choose it; behind a proxy it is the proxy's last X-Forwarded-For hop when PAPO_TRUST_PROXY=true).
 */
export const CLIENT_IP_HEADER = "x-papo-client-ip";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientIp(headers: HeaderSource): string | null {
  if (!headers) return null;
  const value = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const ip = Array.isArray(value) ? value[0] : value;
  return ip ? ip.trim() || null : null;
}

/** Used by server.ts on the raw request before Next.js sees it. */
export function clientIpOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return remoteAddress ?? "unknown";
}
