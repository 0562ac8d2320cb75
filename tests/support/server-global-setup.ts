import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, dropPostgresDatabase } from "./test-database";
import { startServer, tempDataDir, testSecret } from "./start-server";
import { startGraphMock } from "./graph-mock";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseDriver: "postgres" | "pglite";
    /** The server's Graph API (META_GRAPH_API_URL): register numbers with registerMockPhoneNumber before creating cloud channels. */
    graphMockUrl: string;
  }
}

/** One production server for the whole "server" project, on a database of its own that is dropped afterwards. */
export default async function setup(project: TestProject) {
  const distDir = process.env.PAPO_DIST_DIR || ".next";
  if (!fs.existsSync(`${distDir}/BUILD_ID`)) throw new Error("No production build: run `npm run build` before the server tests");
  const base = process.env.DATABASE_URL;
  const dataDir = tempDataDir();
  const databaseUrl = base ? await createPostgresDatabase(base) : undefined;
  // Cloud channels are verified with "Meta" on creation (lib/channels/verify-channel-number.ts): the server talks to
  // this mock, and tests register their numbers with it over HTTP (they run in other processes).
  const graph = await startGraphMock();
  const server = await startServer({
    env: { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret(), META_GRAPH_API_URL: graph.url },
  });
  project.provide("graphMockUrl", graph.url);
  project.provide("baseUrl", server.url);
  project.provide("databaseDriver", databaseUrl ? "postgres" : "pglite");
  return async () => {
    await server.stop();
    await graph.close();
    if (process.env.PAPO_PRINT_SERVER_LOG) console.log(server.output());
    if (base && databaseUrl) await dropPostgresDatabase(base, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
