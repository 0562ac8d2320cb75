import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { parseFlags } from "../args";
import { assertEmbeddedDatabaseFree } from "../database";
import type { Command } from "../types";

export const migrate: Command = {
  name: "migrate",
  summary: "Apply pending database migrations (safe to repeat)",
  usage: `Usage: papo migrate [--json]

Applies every pending migration in db/migrations to the configured database: PostgreSQL when DATABASE_URL is
set, else the embedded database in PAPO_DATA_DIR (default ./.data). Running it on an up-to-date database does
nothing. The server also migrates on start; this is for provisioning scripts and upgrades.

Options:
  --json    Print a JSON object instead of text
  --help    Show this help`,
  async run(args) {
    parseFlags(args, {});
    assertEmbeddedDatabaseFree();
    await migrateDatabase();
    const e = env();
    const where = e.embedded ? `embedded database in ${e.dataDir}` : "PostgreSQL";
    return {
      json: { ok: true, driver: e.embedded ? "pglite" : "postgres" },
      lines: [`Database is up to date (${where}).`],
    };
  },
};
