import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { users } from "./organizations";

/**
 * One row per sign-in. The JWT carries the row's id (`sid`), and every request checks the row is not revoked, so
 * signing out, changing the password or an administrator's action ends a session at once instead of when the
 * 30-day token expires.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per key (`account:<email>` or `ip:<address>`), shared by every process through the database.
 * `lockedUntil` grows with each failure past the threshold (lib/auth/sign-in-throttle.ts).
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: updatedAt(),
});

export type UserSession = typeof userSessions.$inferSelect;
