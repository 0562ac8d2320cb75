import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { organizations } from "./organizations";

/**
 * One `Idempotency-Key` of a v1 POST (lib/api/run-idempotent.ts): the first request with a key claims the row
 * (unique per organization: concurrent duplicates meet at the index) and stores its answer here, so a retry gets
 * the same answer and creates nothing. `response` is null while the first request is still running. Keys live
 * 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** sha256 of method, path and body: the same key on another request is refused (422), not answered. */
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    response: jsonb("response").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_keys_org_key").on(t.organizationId, t.idempotencyKey), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/**
 * Rate-limit counters (lib/api/rate-limit.ts): one row per key (`apiKey:<id>`, `ip:<route>:<address>`) and fixed
 * window; the sliding estimate weighs the previous window's count by how much of it still overlaps. In the database
 * so every process counts the same requests.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_windows_start_idx").on(t.windowStart)],
);
