/**
 * The security headers of every response, and the Content-Security-Policy of pages (proxy.ts sets them at request
 * time: the nonce is new for every page, and HSTS depends on PAPO_PUBLIC_URL, which a build cannot know).
 */
export function contentSecurityPolicy(input: { nonce: string; host: string | null; https: boolean; dev: boolean }): string {
  // socket.io connects to this same host; 'self' covers ws:/wss: only in newer browsers, so name them.
  const sockets = input.host ? ` ${input.https ? "wss" : "ws"}://${input.host}` : "";
  return [
    "default-src 'self'",
    // Next.js puts the nonce on its own scripts (it reads it from this header); 'strict-dynamic' lets those load
    // the chunks they need. No inline script without the nonce runs. Dev needs eval for React's error overlay.
    `script-src 'self' 'nonce-${input.nonce}' 'strict-dynamic'${input.dev ? " 'unsafe-eval'" : ""}`,
    // React Flow and Radix position elements with inline style attributes. (A nonce here would disable
    // 'unsafe-inline', so there is none.)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(input.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers for every response, pages and API alike. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // Papo uses none of these; a compromised or embedded script cannot either.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
