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

// Searching the inbox for a word a customer wrote long ago, and the flow editor's test conversations kept out of
// the list. The rows are written with SQL while the server is stopped (the way to reach PGlite's single-process
// directory), then the server starts again on the same data.
const run = browserAvailable();
const OLD_MESSAGES = 130;

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

describe.skipIf(!run)("inbox search and test conversations", () => {
  let server: RunningServer;
  let browser: Browser;
  let databaseUrl: string | undefined;
  const dataDir = tempDataDir();
  let owner: SignedUp;
  let hitId: string;

  beforeAll(async () => {
    const base = process.env.DATABASE_URL;
    databaseUrl = base ? await createPostgresDatabase(base) : undefined;
    const env = { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret() };
    server = await startServer({ env });
    owner = await signUpOwner(server.url, "Search Co");
    const channel = (await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Main", displayPhoneNumber: "+15550004444" })).body.channel;
    await server.stop();
    await withDatabase(databaseUrl, dataDir, async (q) => {
      const [org] = await q("select id from organizations where slug = $1", [owner.orgSlug]);
      // The test flow id goes in as text and becomes the attribute in SQL (a JSON string parameter for a jsonb
      // column would be stored as one JSON string by postgres.js).
      const contact = async (name: string, waId: string, testFlowId: string | null = null) =>
        (await q(`insert into contacts (organization_id, channel_id, wa_id, phone_e164, name, attributes) values ($1, $2, $3::text, '+' || $3::text, $4, case when $5::text is null then '{}'::jsonb else jsonb_build_object('papoTestFlowId', $5::text) end) returning id`, [org.id, channel.id, waId, name, testFlowId]))[0].id;
      const conversation = async (contactId: unknown, preview: string, minutesAgo: number) =>
        (await q(`insert into conversations (organization_id, channel_id, contact_id, status, last_message_at, last_message_preview, last_message_direction) values ($1, $2, $3, 'open', now() - $4 * interval '1 minute', $5, 'inbound') returning id`, [org.id, channel.id, contactId, minutesAgo, preview]))[0].id;
      const maria = await conversation(await contact("Maria Cliente", "5511987650001"), "Tudo certo, obrigada", 5);
      await conversation(await contact("Pedro Cliente", "5511987650002"), "Bom dia", 10);
      // A flow editor's test customer (the trigger marks its conversation as a test), the newest of all.
      const tester = await conversation(await contact("Test · Welcome", "155501000042", "00000000-0000-0000-0000-000000000001"), "fatura de teste", 1);
      await q(`insert into messages (organization_id, channel_id, conversation_id, direction, type, content, status, sender, created_at) values ($1, $2, $3, 'inbound', 'text', '{"text":{"body":"fatura de teste"}}', 'received', 'contact', now() - interval '1 minute')`, [org.id, channel.id, tester]);
      // Maria asked for her invoice long ago: the hit is far above the newest page of her timeline.
      await q(
        `insert into messages (organization_id, channel_id, conversation_id, direction, type, content, status, sender, created_at)
         select $1, $2, $3, 'inbound', 'text', jsonb_build_object('text', jsonb_build_object('body', case when g = 3 then 'Preciso da segunda via da fatura de março' else 'Mensagem ' || g end)),
                'received', 'contact', now() - interval '5 minutes' - (${OLD_MESSAGES} - g) * interval '1 minute'
         from generate_series(1, ${OLD_MESSAGES}) g`,
        [org.id, channel.id, maria],
      );
      hitId = (await q(`select id from messages where conversation_id = $1 and content->'text'->>'body' like 'Preciso%'`, [maria]))[0].id as string;
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

  it("keeps test conversations out until asked, finds a word inside old messages, highlights it and scrolls to it", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInInBrowser(page, server.url, owner.email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto(`${server.url}/${owner.orgSlug}/inbox`);
    const rows = page.getByTestId("conversation-row");
    await rows.first().waitFor();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining("Maria Cliente"), expect.stringContaining("Pedro Cliente")]);
    await expect.poll(() => page.getByTestId("filter-all").textContent()).toMatch(/2/);

    await page.getByTestId("filter-test").check();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().getByTestId("test-badge").textContent()).toBe("Test");
    await page.getByTestId("filter-test").uncheck();
    await expect.poll(() => rows.count()).toBe(2);

    await page.getByLabel("Search conversations").fill("fatura");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    const hit = rows.first().getByTestId("search-hit");
    expect(await hit.textContent()).toContain("Preciso da segunda via da fatura de março");
    expect(await hit.locator("mark").textContent()).toBe("fatura");

    await rows.first().click();
    const message = page.locator(`[data-message-id="${hitId}"]`);
    await expect.poll(() => message.getAttribute("data-search-hit"), { timeout: 20_000 }).toBe("true");
    await expect.poll(() => message.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('[data-testid="timeline"]')!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    })).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
