import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type Child = { p: ChildProcess; exited: Promise<number | null>; output: () => string; ready: Promise<void> };

/** Starts tests/support/executor/worker-child.ts with extra environment; the caller kills leftovers. */
export function spawnWorkerChild(env: Record<string, string>, children: ChildProcess[]): Child {
  const p = spawn(process.execPath, ["--import", "tsx", "tests/support/executor/worker-child.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(p);
  let out = "";
  let onReady: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  p.stdout!.on("data", (d) => {
    out += d;
    if (out.includes("READY")) onReady();
  });
  const exited = new Promise<number | null>((resolve) => p.on("exit", (code) => resolve(code)));
  return { p, exited, output: () => out, ready };
}

/** Lines of a marker file the child appends one pid to per step execution. */
export function markerLines(dir: string, name: string): string[] {
  const file = path.join(dir, `${name}.log`);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
}
