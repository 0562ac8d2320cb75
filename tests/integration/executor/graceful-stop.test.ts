import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDb } from "@/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { waitFor } from "@/tests/support/executor/harness";
import { markerLines, spawnWorkerChild } from "@/tests/support/executor/spawn-child";

/**
 * SIGTERM with a call in flight that never ends: the process still exits (bounded stop, no waiting for the hung
 * call), and the run completes afterwards in another process exactly once. The lease is ten minutes, so the run
 * can only continue in time if the stopping worker released it.
 */
const children: ChildProcess[] = [];
let db: TestDatabase;
let markers: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await closeDb(); // the children own the database (PGlite allows one process per directory)
  markers = fs.mkdtempSync(path.join(os.tmpdir(), "papo-stop-"));
  process.env.CHILD_MARKERS = markers;
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(markers, { recursive: true, force: true });
  await db?.drop();
});

it("SIGTERM with a hung call in flight: the process exits, another finishes the run exactly once", async () => {
  const lease = String(10 * 60_000);
  const first = spawnWorkerChild({ CHILD_HANG: "1", CHILD_SEND: "slow", CHILD_LEASE_MS: lease, CHILD_GRACE_MS: "500" }, children);
  await waitFor(() => markerLines(markers, "hang").length === 1, 'step "hang" to be in flight', 60_000);
  first.p.kill("SIGTERM");
  const code = await waitFor(async () => {
    const c = await Promise.race([first.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 100))]);
    return c === "running" ? undefined : { c };
  }, "the first process to exit after SIGTERM", 20_000);
  expect(code.c).toBe(0);
  expect(markerLines(markers, "three")).toEqual([]);

  const second = spawnWorkerChild({ CHILD_AWAIT: "1", CHILD_LEASE_MS: lease }, children);
  expect(await second.exited).toBe(0);
  const result = JSON.parse(second.output().match(/RESULT (.*)/)![1]) as { status: string; output: unknown }[];
  expect(result).toEqual([{ status: "completed", output: "done" }]);
  expect(markerLines(markers, "one")).toHaveLength(1); // finished before the stop: never re-run
  expect(markerLines(markers, "hang")).toHaveLength(2); // abandoned at the stop, run again by the second process
  expect(markerLines(markers, "three")).toEqual([String(second.p.pid)]);
}, 180_000);
