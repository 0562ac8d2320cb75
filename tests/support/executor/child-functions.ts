import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { serve } from "inngest/node";
import { testClient } from "./harness";

/**
 * The functions of the multi-process executor tests (worker-child.ts). Each step execution appends this
 * process's pid to `<CHILD_MARKERS>/<name>.log`, so the parent counts executions across processes.
 */
const mark = (name: string) => fs.appendFileSync(path.join(process.env.CHILD_MARKERS!, `${name}.log`), `${process.pid}\n`);

export const childClient = testClient("child");

const ping = childClient.createFunction({ id: "ping", triggers: [{ event: "test/ping" }] }, async ({ event, step }) => {
  await step.run("pong", () => mark(`pong-${String(event.data.n)}`));
});

const slow = childClient.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ step }) => {
  await step.run("one", () => mark("one"));
  await step.run("hang", async () => {
    mark("hang");
    if (process.env.CHILD_HANG === "1") await new Promise(() => {});
  });
  await step.run("three", () => mark("three"));
  return "done";
});

/** Serves the functions on 127.0.0.1 (random port); returns the serve URL and the server. */
export async function startChildFunctions(): Promise<{ serveUrl: string; server: http.Server }> {
  const server = http.createServer(serve({ client: childClient, functions: [ping, slow] }));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { serveUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`, server };
}
