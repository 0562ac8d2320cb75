import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDb } from "@/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { waitFor } from "@/tests/support/executor/harness";

let db: TestDatabase;
let markers: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await closeDb(); // the child owns the database now (PGlite allows one process per directory)
  markers = fs.mkdtempSync(path.join(os.tmpdir(), "papo-crash-"));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  fs.rmSync(markers, { recursive: true, force: true });
  await db?.drop();
});

function child(phase: "1" | "2") {
  const p = spawn(process.execPath, ["--import", "tsx", "tests/support/executor/crash-child.ts"], {
    env: { ...process.env, CRASH_PHASE: phase, CRASH_MARKERS: markers },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(p);
  let out = "";
  p.stdout!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => p.on("exit", (code) => resolve(code)));
  return { p, exited, output: () => out };
}

const lines = (name: string) => {
  const file = path.join(markers, `${name}.log`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
};

it("a run survives kill -9 mid-run; the step that finished before the kill ran exactly once", async () => {
  const first = child("1");
  await waitFor(() => lines("two").length === 1, 'step "two" to start in the first process', 60_000);
  first.p.kill("SIGKILL");
  await first.exited;
  expect(lines("three")).toEqual([]);

  const second = child("2");
  const code = await second.exited;
  expect(code).toBe(0);
  const result = JSON.parse(second.output().match(/RESULT (.*)/)![1]) as { status: string; output: unknown }[];
  expect(result).toEqual([{ status: "completed", output: "survived" }]);
  expect(lines("one")).toHaveLength(1); // finished before the kill: never re-run
  expect(lines("two")).toHaveLength(2); // interrupted: run again after the restart
  expect(lines("three")).toHaveLength(1);
  expect(lines("three")[0]).toBe(String(second.p.pid));
}, 120_000);
