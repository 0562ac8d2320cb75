import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // The database drivers load WASM / native sockets at runtime; bundling them breaks PGlite's asset lookup.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "pino"],
  poweredByHeader: false,
  // Lets several production builds of one checkout coexist (parallel work, benchmarks); the default stays `.next`.
  distDir: process.env.PAPO_DIST_DIR || ".next",
  // `npm test` type-checks the whole tree (tests included) before building; checking again here only slows the build.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
