import { sql } from "drizzle-orm";

/** The calendar day (YYYY-MM-DD) of `at` in the organization's time zone, as a SQL expression (spend_daily's key). */
export const localDaySql = (organizationId: string, at: Date) =>
  sql<string>`(${at.toISOString()}::timestamptz at time zone (select time_zone from organizations where id = ${organizationId}))::date`;
