import { afterEach, describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { clientIpOf } from "@/lib/auth/client-ip";
import { resetEnvForTests } from "@/lib/env";
import { baseSecurityHeaders, contentSecurityPolicy } from "@/lib/security/security-headers";

afterEach(() => {
  delete process.env.PAPO_PUBLIC_URL;
  resetEnvForTests();
});

describe("security headers", () => {
  it("HSTS and upgrade-insecure-requests only for an https public URL", () => {
    expect(baseSecurityHeaders(true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(baseSecurityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy({ nonce: "abc", host: "papo.example", https: true, dev: false })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", host: "papo.example", https: false, dev: false })).not.toContain("upgrade-insecure-requests");
  });

  it("allows sockets to this host, eval only in development, and inline styles without a style nonce", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", host: "papo.example", https: true, dev: false });
    expect(csp).toContain("connect-src 'self' wss://papo.example");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ nonce: "abc", host: null, https: false, dev: true })).toContain("'unsafe-eval'");
  });
});

describe("assertSameOrigin", () => {
  const req = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/v1/x", { method, headers });

  it("refuses foreign, null and cross-site writes; allows own origin, the public URL, safe methods and non-browsers", () => {
    process.env.PAPO_PUBLIC_URL = "https://papo.example";
    resetEnvForTests();
    expect(() => assertSameOrigin(req("POST", { host: "127.0.0.1:3000", origin: "https://evil.example" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(req("DELETE", { host: "127.0.0.1:3000", origin: "null" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(req("PATCH", { host: "127.0.0.1:3000", "sec-fetch-site": "same-site" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(req("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(req("POST", { host: "internal:3000", origin: "https://papo.example" }))).not.toThrow();
    expect(() => assertSameOrigin(req("GET", { host: "127.0.0.1:3000", origin: "https://evil.example" }))).not.toThrow();
    expect(() => assertSameOrigin(req("POST", { host: "127.0.0.1:3000" }))).not.toThrow();
  });
});

describe("clientIpOf", () => {
  it("ignores X-Forwarded-For unless the proxy is trusted, then takes its last hop", () => {
    expect(clientIpOf("10.0.0.9", "1.2.3.4", false)).toBe("10.0.0.9");
    expect(clientIpOf("10.0.0.9", "1.2.3.4, 5.6.7.8", true)).toBe("5.6.7.8");
    expect(clientIpOf("10.0.0.9", undefined, true)).toBe("10.0.0.9");
  });
});
