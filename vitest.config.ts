import { defineConfig } from "vitest/config";

// Two projects: "unit" needs nothing but Node and a database (PGlite or DATABASE_URL); "server" drives the
// production build over real HTTP and a real Chromium, so it runs after `next build`.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          globalSetup: ["tests/support/server-global-setup.ts"],
          // One server, one database: files run one after another so the browser tests do not race each other.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
