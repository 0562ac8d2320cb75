import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dbDriver } from "@/db";
import { startExecutor, type Executor } from "@/inngest/executor";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { sleep, testClient, waitFor } from "@/tests/support/executor/harness";
import { markerLines, spawnWorkerChild } from "@/tests/support/executor/spawn-child";
import { startChildFunctions } from "@/tests/support/executor/child-functions";

/**
 * New work starts without waiting for the worker's poll: the worker polls once an hour here, so only a wake-up
 * can start the runs. On PostgreSQL the sender is this process with no executor (a web process with
 * PAPO_EXECUTOR=off) and the worker is another process: the wake-up is a NOTIFY. On PGlite (one process per
 * database) the same check runs in-process.
 */
const HOUR = 3_600_000;
const children: ChildProcess[] = [];
let db: TestDatabase;
let markers: string;
let inProcess: Executor | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  markers = fs.mkdtempSync(path.join(os.tmpdir(), "papo-wake-"));
  process.env.CHILD_MARKERS = markers;
});
afterAll(async () => {
  await inProcess?.stop();
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(markers, { recursive: true, force: true });
  await db?.drop();
});

it("a process without an executor hands new work to an idle worker at once, not at its next poll", async () => {
  if (dbDriver() === "postgres") {
    const worker = spawnWorkerChild({ CHILD_POLL_MS: String(HOUR) }, children);
    await worker.ready;
  } else {
    // The child's code, in this process: the same functions served over HTTP, the same hour-long poll.
    const { serveUrl } = await startChildFunctions();
    inProcess = await startExecutor({ serveUrl, calls: "http", pollMs: HOUR, log: () => {} });
  }
  const web = testClient("child");
  await web.send({ name: "test/ping", data: { n: 1 } });
  await waitFor(() => markerLines(markers, "pong-1").length === 1, "the first run", 30_000);
  await sleep(300); // the worker settles its run and goes back to its hour-long wait
  await web.send({ name: "test/ping", data: { n: 2 } });
  await waitFor(() => markerLines(markers, "pong-2").length === 1, "the second run, started by the wake-up", 30_000);
  expect(markerLines(markers, "pong-1")).toHaveLength(1);
}, 120_000);
