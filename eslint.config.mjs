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
  {
    // The flow engine and its nodes speak the channel-neutral message (lib/messages/neutral) only: a provider's wire
    // format (Graph API, sandbox, Evolution) belongs to its adapter. The rule repeats the executor pattern because a
    // later block's no-restricted-imports replaces an earlier one's.
    files: ["lib/flows/engine/**/*.{ts,tsx}", "lib/flows/nodes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/inngest/executor|(\\.\\./)+inngest/executor)(/|$)",
              message: "Reach durable work through @/lib/jobs (enqueue in a transaction, send events), not the executor's internals.",
            },
            {
              regex: "^(@/lib/(whatsapp|sandbox|evolution|messages/providers)|(\\.\\./)+(whatsapp|sandbox|evolution|messages/providers))(/|$)",
              message: "The flow engine produces channel-neutral messages (@/lib/messages/neutral); provider modules are for the adapters.",
            },
          ],
        },
      ],
    },
  },
];
export default config;
