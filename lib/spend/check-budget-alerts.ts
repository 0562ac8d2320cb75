import { sql, type SQL } from "drizzle-orm";
import { monthRange } from "./month-spend";

export const ALERT_THRESHOLDS = [80, 100] as const;

/**
 * After spend grew: stores the 80 % and 100 % alerts of `at`'s month the organization has reached (each once per
 * month: the unique index makes a second crossing, or a replayed status, a no-op), returning the thresholds stored.
 * A data-modifying CTE for record-message-cost.ts's one statement: it reads the rollup as it was before that
 * statement (one snapshot), so `delta` (what the statement adds to the month) is added to the sum.
 */
export function budgetAlertsWrite(args: { organizationId: string; currency: string; budgetMicros: number; at: Date; timeZone: string; delta: number }): SQL {
  const { month, from, to } = monthRange(args.at, args.timeZone);
  return sql`insert into spend_alerts (organization_id, month, threshold, spent_micros, budget_micros)
    select ${args.organizationId}::uuid, ${month}, t, s.spent, ${args.budgetMicros}::bigint
    from (select coalesce(sum(amount_micros), 0)::bigint + ${args.delta}::bigint as spent from spend_daily
          where organization_id = ${args.organizationId}::uuid and currency = ${args.currency} and day >= ${from}::date and day < ${to}::date) s
    cross join unnest(array[${sql.raw(ALERT_THRESHOLDS.join(", "))}]::int[]) as t
    where s.spent * 100 >= ${args.budgetMicros}::bigint * t
    on conflict do nothing returning threshold`;
}
