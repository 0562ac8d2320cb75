import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import postgres from "postgres";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { signUpOwner, type SignedUp } from "../support/http-client";
import { startServer, tempDataDir, testSecret, type RunningServer } from "../support/start-server";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-database";
import { pgliteExtensions } from "@/db/pglite-extensions";

// 10,000 open conversations in one organization: the list must stay a handful of DOM rows and scroll smoothly
// however many are loaded. The rows are real (contacts + conversations in the server's own database), written
// with SQL while the server is stopped — the only way to reach PGlite's single-process directory — then the
// server starts again on the same data.
const run = browserAvailable();
const COUNT = 10_000;

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

async function withDatabase<T>(databaseUrl: string | undefined, dataDir: string, fn: (q: Query) => Promise<T>): Promise<T> {
  if (databaseUrl) {
    const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await fn((sql, params = []) => client.unsafe(sql, params as never[]) as unknown as Promise<Record<string, unknown>[]>);
    } finally {
      await client.end();
    }
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(path.join(dataDir, "pglite"), { extensions: pgliteExtensions() });
  try {
    return await fn(async (sql, params = []) => (await db.query<Record<string, unknown>>(sql, params)).rows);
  } finally {
    await db.close();
  }
}

describe.skipIf(!run)("the inbox list at scale", () => {
  let server: RunningServer;
  let browser: Browser;
  let databaseUrl: string | undefined;
  const dataDir = tempDataDir();
  let owner: SignedUp;
  let env: Record<string, string>;

  beforeAll(async () => {
    const base = process.env.DATABASE_URL;
    databaseUrl = base ? await createPostgresDatabase(base) : undefined;
    env = { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret() };
    server = await startServer({ env });
    owner = await signUpOwner(server.url, "Scale Co");
    const channel = (await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Bulk", displayPhoneNumber: "+15550003333" })).body.channel;
    await server.stop();
    await withDatabase(databaseUrl, dataDir, async (q) => {
      const [org] = await q("select id from organizations where slug = $1", [owner.orgSlug]);
      await q(
        `insert into contacts (organization_id, channel_id, wa_id, phone_e164, profile_name)
         select $1, $2, '5511' || lpad(g::text, 9, '0'), '+5511' || lpad(g::text, 9, '0'), 'Cliente ' || g from generate_series(1, ${COUNT}) g`,
        [org.id, channel.id],
      );
      await q(
        `insert into conversations (organization_id, channel_id, contact_id, status, last_message_at, last_message_preview, last_message_direction, unread_count)
         select organization_id, channel_id, id, 'open', now() - (substring(wa_id from 5)::int) * interval '1 second', 'Mensagem de ' || profile_name, 'inbound', 1
         from contacts where organization_id = $1 and channel_id = $2`,
        [org.id, channel.id],
      );
    });
    server = await startServer({ env });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (process.env.DATABASE_URL && databaseUrl) await dropPostgresDatabase(process.env.DATABASE_URL, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loads 10,000 conversations page by page and scrolls them with a few dozen DOM rows", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInInBrowser(page, server.url, owner.email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    const opened = Date.now();
    await page.goto(`${server.url}/${owner.orgSlug}/inbox`);
    const list = page.getByTestId("conversation-list");
    await list.getByTestId("conversation-row").first().waitFor();
    const firstPaint = Date.now() - opened;
    expect(await list.getByTestId("conversation-row").first().textContent()).toContain("Cliente 1");
    await expect.poll(() => page.getByTestId("filter-all").textContent()).toContain(String(COUNT));

    // Scroll to the end until every page is in (the list asks for the next page as its end comes into view).
    const loadStart = Date.now();
    await list.evaluate(async (el, count) => {
      const deadline = Date.now() + 120_000;
      while (Number(el.getAttribute("data-loaded")) < count && Date.now() < deadline) {
        el.scrollTop = el.scrollHeight;
        await new Promise((r) => setTimeout(r, 50));
      }
    }, COUNT);
    const loadAll = Date.now() - loadStart;
    expect(Number(await list.getAttribute("data-loaded"))).toBe(COUNT);
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => list.getByTestId("conversation-row").last().textContent()).toContain(`Cliente ${COUNT}`);

    // Then a fast flick down the list, 600 px (about 8 rows) a frame for 240 frames, recording frame times and how
    // many rows are in the DOM.
    const stats = await list.evaluate(async (el) => {
      el.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(r));
      const frames: number[] = [];
      let maxRows = 0;
      const steps = 240;
      const step = 600;
      let last = performance.now();
      for (let i = 1; i <= steps; i++) {
        el.scrollTop = step * i;
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, el.querySelectorAll('[data-testid="conversation-row"]').length);
      }
      frames.sort((a, b) => a - b);
      return { p50: frames[Math.floor(frames.length * 0.5)], p95: frames[Math.floor(frames.length * 0.95)], max: frames[frames.length - 1], maxRows };
    });
    console.log(
      `[inbox scale] ${COUNT} conversations: first rows ${firstPaint} ms, all pages ${loadAll} ms; scroll frames p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms; at most ${stats.maxRows} rows in the DOM`,
    );
    expect(stats.maxRows).toBeLessThan(60);
    // Headless Chromium on a shared 2-core machine: a frame budget with head-room, not a 60 fps promise.
    expect(stats.p95).toBeLessThan(100);

    // Keyboard: End jumps to the last conversation, Enter opens it, "/" focuses the search.
    await list.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("conversation-title").textContent()).toBe(`Cliente ${COUNT}`);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("conversation-title").textContent()).toBe(`Cliente ${COUNT - 1}`);
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Search conversations");
    await page.keyboard.type("Cliente 4242");
    await expect.poll(() => list.getByTestId("conversation-row").count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
