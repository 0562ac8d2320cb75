/**
 * `npm run bench:editor` (after a build; honours PAPO_DIST_DIR): how long the flow editor takes to open a 300-node
 * flow in Chromium against the production server. A flow of BENCH_NODES nodes (a chain through every node type,
 * laid out on a grid) is saved through the API; then the editor page is opened BENCH_RUNS times in a fresh tab and
 * timed from navigation start to (a) the page's DOMContentLoaded and (b) every node drawn and measured by React
 * Flow (all visible: the view fits the whole flow on open). Reports; asserts nothing.
 *
 *   BENCH_NODES (300)  BENCH_RUNS (5)  DATABASE_URL (unset = an embedded PGlite in a temp directory)
 */
import fs from "node:fs";
import { createPostgresDatabase, dropPostgresDatabase } from "@/tests/support/test-database";
import { startServer, tempDataDir, testSecret } from "@/tests/support/start-server";
import { signUpOwner, PASSWORD } from "@/tests/support/http-client";
import { chromiumPath, launchBrowser } from "@/tests/support/browser";
import { nodeSpecs, nodeTypes, nodeExits, type NodeType } from "@/lib/flows/nodes/node-specs";
import type { FlowGraph } from "@/lib/flows/graph-schema";

const NODES = Number(process.env.BENCH_NODES ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** start → n−2 nodes cycling through the non-terminal types → end; every node's first exit leads to the next. */
function bigGraph(n: number): FlowGraph {
  const middle = nodeTypes.filter((t) => t !== "start" && nodeExits({ type: t, data: nodeSpecs[t].defaultData() }).length > 0);
  const types: NodeType[] = ["start", ...Array.from({ length: n - 2 }, (_, i) => middle[i % middle.length]), "end"];
  const nodes = types.map((type, i) => ({
    id: `n${i}`,
    type,
    position: { x: (i % 15) * 320, y: Math.floor(i / 15) * 260 },
    data: nodeSpecs[type].defaultData(),
  })) as FlowGraph["nodes"];
  const edges = nodes.slice(0, -1).map((node, i) => ({
    id: `e${i}`,
    source: node.id,
    target: nodes[i + 1].id,
    sourceHandle: nodeExits(node)[0].id,
  }));
  return { nodes, edges };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  if (!chromiumPath()) throw new Error("No Chromium found (install Debian's chromium or set PAPO_CHROMIUM_PATH)");
  const distDir = process.env.PAPO_DIST_DIR || ".next";
  if (!fs.existsSync(`${distDir}/BUILD_ID`)) throw new Error(`No production build in ${distDir}: build first`);
  const base = process.env.DATABASE_URL;
  const databaseUrl = base ? await createPostgresDatabase(base) : undefined;
  const dataDir = tempDataDir();
  const server = await startServer({ env: { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret() } });
  const browser = await launchBrowser();
  try {
    const owner = await signUpOwner(server.url, "Editor Bench");
    const org = `/api/v1/orgs/${owner.orgSlug}`;
    const created = await owner.client.post<{ flow: { id: string } }>(`${org}/flows`, { name: `${NODES} nodes` });
    const flowId = created.body.flow.id;
    const draft = await owner.client.get<{ draft: { revision: string } }>(`${org}/flows/${flowId}/draft`);
    const saved = await owner.client.patch(`${org}/flows/${flowId}/draft`, { graph: bigGraph(NODES), revision: draft.body.draft.revision });
    if (saved.status !== 200) throw new Error(`saving the graph failed: ${saved.status} ${JSON.stringify(saved.body)}`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/settings\//);
    await page.close();

    const url = `${server.url}/${owner.orgSlug}/flows/${flowId}`;
    const domReady: number[] = [];
    const drawn: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const tab = await context.newPage();
      const t0 = Date.now();
      await tab.goto(url, { waitUntil: "domcontentloaded" });
      const tDom = Date.now() - t0;
      await tab.waitForFunction(
        (n) => {
          const nodes = document.querySelectorAll(".react-flow__node");
          return nodes.length >= n && [...nodes].every((el) => (el as HTMLElement).style.visibility !== "hidden");
        },
        NODES,
        { timeout: 120_000, polling: 16 },
      );
      const tDrawn = Date.now() - t0;
      await tab.close();
      // The first run warms the server's route (compilation caches, database connection): not counted.
      if (run === 0) continue;
      domReady.push(tDom);
      drawn.push(tDrawn);
    }
    console.log(`\nEditor open, ${NODES}-node flow, ${RUNS} runs (after one warm-up), Chromium headless, viewport 1440×900`);
    console.log(`  DOMContentLoaded       median ${median(domReady)} ms   (runs: ${domReady.join(", ")})`);
    console.log(`  all nodes drawn        median ${median(drawn)} ms   (runs: ${drawn.join(", ")})\n`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    if (base && databaseUrl) await dropPostgresDatabase(base, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
