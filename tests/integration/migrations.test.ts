import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { baseDatabaseUrl, createTestDatabase, type TestDatabase } from "../support/test-database";

const expectedTables = [
  "organizations", "users", "memberships", "departments", "department_members", "invitations", "api_keys",
  "audit_log", "channels", "contacts", "tags", "contact_tags", "conversations", "messages", "webhook_events",
];

async function tableNames(): Promise<string[]> {
  const result = await getDb().execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows;
  return rows.map((r) => r.table_name);
}

const dbs: TestDatabase[] = [];
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

// Postgres when the run has a server (CI always does), PGlite always: the same migrations must serve both.
const drivers = [
  ...(baseDatabaseUrl() ? (["postgres"] as const) : []),
  "pglite" as const,
];

describe.each(drivers)("migrations on %s", (driver) => {
  it("apply from empty, and a second run is a no-op", async () => {
    if (driver === "pglite") {
      process.env.PAPO_TEST_BASE_DATABASE_URL = "";
      delete process.env.DATABASE_URL;
    }
    const db = await createTestDatabase({ migrate: false });
    dbs.push(db);
    expect(db.driver).toBe(driver);
    expect(await tableNames()).toEqual([]);
    await migrateDatabase();
    expect(await tableNames()).toEqual(expect.arrayContaining(expectedTables));
    await migrateDatabase();
    expect((await tableNames()).filter((t) => expectedTables.includes(t)).length).toBe(expectedTables.length);
  });
});
