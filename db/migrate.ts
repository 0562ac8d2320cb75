import path from "node:path";
import { env } from "@/lib/env";

const migrationsFolder = path.resolve(process.cwd(), "db/migrations");
/** Arbitrary constant: several processes starting at once take turns applying migrations. */
const MIGRATION_LOCK = 7_270_001;

/** Applies every pending migration in db/migrations. Safe to call from several processes at once on Postgres. */
export async function migrateDatabase(): Promise<void> {
  const e = env();
  if (e.DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const client = postgres(e.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migrate(drizzle(client), { migrationsFolder });
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await client.end();
    }
    return;
  }
  const { getDb } = await import("./index");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(getDb() as never, { migrationsFolder });
}
