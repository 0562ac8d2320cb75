import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { baseSecurityHeaders } from "./lib/security/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // The database drivers load WASM / native sockets at runtime; bundling them breaks PGlite's asset lookup.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "pino"],
  poweredByHeader: false,
  // Lets several production builds of one checkout coexist (parallel work, benchmarks); the default stays `.next`.
  distDir: process.env.PAPO_DIST_DIR || ".next",
  // `npm test` type-checks the whole tree (tests included) before building; checking again here only slows the build.
  typescript: { ignoreBuildErrors: true },
  // Pages get theirs (with the CSP nonce and HSTS) from proxy.ts at request time; these cover API responses and
  // static files. HSTS is left to pages: it depends on PAPO_PUBLIC_URL, which the build does not know.
  async headers() {
    const headers = Object.entries(baseSecurityHeaders(false)).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
};

export default withNextIntl(nextConfig);
