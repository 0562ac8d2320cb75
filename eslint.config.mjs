import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", ".test-data/**", "db/migrations/**", "next-env.d.ts"] },
  {
    // lib/ and app/ reach durable work through lib/jobs only (lib/jobs/README.md): the executor's internals stay
    // free to change without touching the domain.
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"],
    ignores: ["lib/jobs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/inngest/executor|(\\.\\./)+inngest/executor)(/|$)",
              message: "Reach durable work through @/lib/jobs (enqueue in a transaction, send events), not the executor's internals.",
            },
          ],
        },
      ],
    },
  },
];
export default config;
