import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { resetMasterKeyForTests } from "@/lib/crypto/master-key";

export type TestDatabase = { driver: "postgres" | "pglite"; url?: string; dataDir: string; drop: () => Promise<void> };

/** The server to create throwaway databases on, if the run has one. */
export function baseDatabaseUrl(): string | undefined {
  return process.env.PAPO_TEST_BASE_DATABASE_URL ?? process.env.DATABASE_URL ?? undefined;
}

/**
 * A fresh, migrated database for one test file: a new database on DATABASE_URL's server when set, a new PGlite
 * directory otherwise. Points this process's env (and so getDb()) at it. Call drop() in afterAll.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const base = baseDatabaseUrl();
  process.env.PAPO_TEST_BASE_DATABASE_URL ??= base ?? "";
  if (!process.env.PAPO_TEST_BASE_DATABASE_URL) delete process.env.PAPO_TEST_BASE_DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "papo-test-"));
  process.env.PAPO_DATA_DIR = dataDir;
  process.env.PAPO_SECRET ??= randomBytes(32).toString("base64");
  let db: TestDatabase;
  if (base) {
    const url = await createPostgresDatabase(base);
    process.env.DATABASE_URL = url;
    db = {
      driver: "postgres",
      url,
      dataDir,
      drop: async () => {
        await closeDb();
        await dropPostgresDatabase(base, url);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } else {
    delete process.env.DATABASE_URL;
    db = {
      driver: "pglite",
      dataDir,
      drop: async () => {
        await closeDb();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  await closeDb();
  resetEnvForTests();
  resetMasterKeyForTests();
  if (options.migrate !== false) await migrateDatabase();
  return db;
}

export async function createPostgresDatabase(baseUrl: string): Promise<string> {
  const name = `papo_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(baseUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
