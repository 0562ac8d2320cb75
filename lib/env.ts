import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable Papo reads, validated once. Grouped by integration so a reader can see what each
 * part of the system needs. Read through `env()`; never touch process.env elsewhere.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  PAPO_PUBLIC_URL: z.url({ message: "PAPO_PUBLIC_URL must be a URL such as https://papo.example.com" }).optional(),
  // behind a reverse proxy: take the client address from its X-Forwarded-For (sign-in rate limits per address)
  PAPO_TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  // rate limits (lib/api/rate-limit-policies.ts): requests per minute per API key, and per client address on each
  // unauthenticated route (sign-in, sign-up, invitations, webhook verification)
  PAPO_RATE_LIMIT_API_KEY: optionalString.pipe(z.coerce.number<string>().int().min(1, "PAPO_RATE_LIMIT_API_KEY must be at least 1").optional()).transform((v) => v ?? 600),
  PAPO_RATE_LIMIT_PUBLIC: optionalString.pipe(z.coerce.number<string>().int().min(1, "PAPO_RATE_LIMIT_PUBLIC must be at least 1").optional()).transform((v) => v ?? 30),
  // database
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  PAPO_DATA_DIR: optionalString,
  PAPO_SEED_DEMO: z.enum(["auto", "always", "never"]).default("auto"),
  // logging: JSON lines on stdout (lib/log/logger.ts); "debug" or "trace" for more, "silent" for none
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // secrets
  PAPO_SECRET: optionalString.pipe(z.string().min(32, "PAPO_SECRET must be at least 32 characters").optional()),
  NEXTAUTH_SECRET: optionalString,
  // inngest (see inngest/mode.ts): both keys = Inngest Cloud; a base URL or INNGEST_DEV = self-hosted/dev
  // server; neither = Papo's embedded executor. PAPO_EXECUTOR: on = web + worker, off = web only (still queues
  // work), worker = executor only (listens on 127.0.0.1, takes no web traffic). See README "Scaling".
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalString,
  INNGEST_DEV: optionalString,
  PAPO_EXECUTOR: z.enum(["on", "off", "worker"]).default("on"),
  // Finished runs, their steps and events older than this many days are pruned (inngest/functions/prune-run-history.ts).
  PAPO_RUN_RETENTION_DAYS: optionalString
    .pipe(
      z.coerce
        .number<string>({ message: "PAPO_RUN_RETENTION_DAYS must be a whole number of days" })
        .int("PAPO_RUN_RETENTION_DAYS must be a whole number of days")
        .min(1, "PAPO_RUN_RETENTION_DAYS must be at least 1")
        .optional(),
    )
    .transform((v) => v ?? 14),
  // bench only (npm run bench:ingest): enables POST /api/bench/webhook-baseline, a signature check and nothing else.
  PAPO_BENCH_BASELINE_SECRET: optionalString,
  // How the executor calls the functions (inngest/executor/sdk-transport.ts): "inprocess" hands each signed request
  // to the serve handler in its own process (the default: server.ts runs both); "http" POSTs to /api/inngest.
  PAPO_EXECUTOR_CALLS: z.enum(["inprocess", "http"]).default("inprocess"),
  // whatsapp: the app secret of a Meta app shared by many organizations (POST /api/webhooks/whatsapp)
  META_APP_SECRET: optionalString,
  META_WEBHOOK_VERIFY_TOKEN: optionalString,
  // whatsapp: the Graph API (outbound). Tests point the URL at a local mock.
  META_GRAPH_API_URL: z.url().default("https://graph.facebook.com"),
  META_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "META_GRAPH_API_VERSION looks like v24.0").default("v24.0"),
  // whatsapp: most messages one business number may send per second (Meta's default throughput is 80/s; higher
  // tiers go up to 1,000/s). send-message is throttled per channel to this rate.
  WHATSAPP_SEND_RATE_PER_SECOND: optionalString
    .pipe(
      z.coerce
        .number<string>({ message: "WHATSAPP_SEND_RATE_PER_SECOND must be a whole number of messages per second" })
        .int("WHATSAPP_SEND_RATE_PER_SECOND must be a whole number of messages per second")
        .min(1, "WHATSAPP_SEND_RATE_PER_SECOND must be at least 1")
        .max(1000, "WHATSAPP_SEND_RATE_PER_SECOND is at most 1000 (Meta's highest throughput tier)")
        .optional(),
    )
    .transform((v) => v ?? 80),
  // whatsapp: after a send failed ambiguously (5xx, timeout: Meta may have taken it), how long to wait for a status
  // webhook naming it before sending it again; the conversation's later sends wait meanwhile. Real status
  // webhooks follow a send within seconds, so about a minute covers them without holding a conversation for long.
  WHATSAPP_SEND_DOUBT_GRACE_SECONDS: optionalString
    .pipe(
      z.coerce
        .number<string>({ message: "WHATSAPP_SEND_DOUBT_GRACE_SECONDS must be a whole number of seconds" })
        .int("WHATSAPP_SEND_DOUBT_GRACE_SECONDS must be a whole number of seconds")
        .min(5, "WHATSAPP_SEND_DOUBT_GRACE_SECONDS must be at least 5")
        .max(86_400, "WHATSAPP_SEND_DOUBT_GRACE_SECONDS is at most 86400 (one day)")
        .optional(),
    )
    .transform((v) => v ?? 60),
});

export type Env = z.infer<typeof schema> & { dataDir: string; publicUrl: string; embedded: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    dataDir: path.resolve(e.PAPO_DATA_DIR ?? ".data"),
    publicUrl: (e.PAPO_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    embedded: !e.DATABASE_URL,
  };
  return cached;
}

/** Tests and the CLI change the environment between runs in one process. */
export function resetEnvForTests() {
  cached = undefined;
}
