import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, dropPostgresDatabase } from "./test-database";
import { startServer, tempDataDir, testSecret } from "./start-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseDriver: "postgres" | "pglite";
  }
}

/** One production server for the whole "server" project, on a database of its own that is dropped afterwards. */
export default async function setup(project: TestProject) {
  const distDir = process.env.PAPO_DIST_DIR || ".next";
  if (!fs.existsSync(`${distDir}/BUILD_ID`)) throw new Error("No production build: run `npm run build` before the server tests");
  const base = process.env.DATABASE_URL;
  const dataDir = tempDataDir();
  const databaseUrl = base ? await createPostgresDatabase(base) : undefined;
  const server = await startServer({
    env: { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret() },
  });
  project.provide("baseUrl", server.url);
  project.provide("databaseDriver", databaseUrl ? "postgres" : "pglite");
  return async () => {
    await server.stop();
    if (process.env.PAPO_PRINT_SERVER_LOG) console.log(server.output());
    if (base && databaseUrl) await dropPostgresDatabase(base, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
