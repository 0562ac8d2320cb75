import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { baseSecurityHeaders, contentSecurityPolicy } from "@/lib/security/security-headers";

/**
 * Next.js 16's middleware: on pages, the security headers and a Content-Security-Policy with a new nonce per
 * request (as the Next.js CSP guide describes: the nonce goes into the request's CSP header, where
 * Next.js finds it and puts it on its scripts; every page renders dynamically, see app/layout.tsx).
 */
export function proxy(request: NextRequest) {
  const https = env().publicUrl.startsWith("https:");
  const headers = baseSecurityHeaders(https);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, host: request.headers.get("host"), https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only. Not the build's static files, and not /api: a proxy buffers request bodies (large uploads, raw
  // webhook bytes) and would sit on the durable executor's hot path; API responses get their headers from
  // next.config.ts.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
