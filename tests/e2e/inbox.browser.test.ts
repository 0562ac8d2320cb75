import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { startGraphMock, type GraphMock } from "../support/graph-mock";
import { addMemberViaInvitation, signUpOwner, type SignedUp } from "../support/http-client";
import { startServer, tempDataDir, testSecret, type RunningServer } from "../support/start-server";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/test-database";

// The inbox in a real Chromium against the production build. This file starts its own server so that cloud
// channels talk to the Graph API mock (templates to sync, a send to fail) and so an inbound message can be dated
// 25 hours back through a signed webhook — the wait-free way to a closed 24-hour window. Sandbox channels still go
// through Papo's own Graph API, whose status webhooks drive the ticks.
const run = browserAvailable();

type ChatMessage = { direction: string; type: string; conversationId: string; status: string; content: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Member = SignedUp & { name: string };

const APP_SECRET = "inboxE2eAppSecret0123456789abcdef";
const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join("").replace(/^0/, "1");
const attr = (l: Locator, name: string) => l.first().getAttribute(name, { timeout: 500 }).catch(() => null);


describe.skipIf(!run)("the shared inbox", () => {
  let server: RunningServer;
  let mock: GraphMock;
  let browser: Browser;
  let baseUrl: string;
  let databaseUrl: string | undefined;
  const dataDir = tempDataDir();
  let owner: SignedUp;
  let agentA: Member;
  let agentB: Member;
  let viewer: Member;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mock = await startGraphMock();
    mock.templates = [
      { id: "7001", name: "order_ready", language: "en_US", status: "APPROVED", category: "UTILITY", components: [{ type: "BODY", text: "Hi {{1}}, your order {{2}} is ready." }] },
      { id: "7002", name: "draft_promo", language: "en_US", status: "PENDING", category: "MARKETING", components: [{ type: "BODY", text: "Not approved" }] },
    ];
    const base = process.env.DATABASE_URL;
    databaseUrl = base ? await createPostgresDatabase(base) : undefined;
    server = await startServer({ env: { DATABASE_URL: databaseUrl ?? "", PAPO_DATA_DIR: dataDir, PAPO_SECRET: testSecret(), META_GRAPH_API_URL: mock.url } });
    baseUrl = server.url;
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Inbox Co");
    agentA = await addMemberViaInvitation(owner, "agent", "Ana Agent");
    agentB = await addMemberViaInvitation(owner, "agent", "Bruno Agent");
    viewer = await addMemberViaInvitation(owner, "viewer", "Vera Viewer");
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    if (process.env.PAPO_PRINT_SERVER_LOG) console.log(server?.output());
    await mock?.close();
    if (process.env.DATABASE_URL && databaseUrl) await dropPostgresDatabase(process.env.DATABASE_URL, databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function openInbox(email: string, path = ""): Promise<Page> {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    (page as Page & { errors?: string[] }).errors = errors;
    await signInInBrowser(page, baseUrl, email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto(`${baseUrl}/${owner.orgSlug}/inbox${path}`);
    await expect.poll(() => attr(page.getByTestId("connection-indicator"), "data-state"), { timeout: 15_000 }).toBe("live");
    return page;
  }

  const rowOf = (page: Page, text: string) => page.getByTestId("conversation-row").filter({ hasText: text });
  const bubble = (page: Page, text: string) => page.getByTestId("timeline-message").filter({ hasText: text });

  it("two agents live: arrival in both lists, reply with ticks to the phone, a note that never leaves, XSS as text, assignment, viewer read-only", async () => {
    const channel = (await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Loja", displayPhoneNumber: "+15550002222" })).body.channel;
    const customer = { name: "Mariana Souza", phone: "+55 11 98765-1001" };
    const phone = "5511987651001";
    const say = async (body: string) => {
      const res = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/sandbox/${channel.id}/customer-messages`, { customer, message: { type: "text", body } });
      expect(res.status).toBe(201);
    };
    const chat = async () =>
      (await owner.client.get<{ messages: ChatMessage[] }>(`/api/v1/orgs/${owner.orgSlug}/sandbox/${channel.id}/chat?phone=${phone}`)).body.messages;

    const [pageA, pageB] = await Promise.all([openInbox(agentA.email), openInbox(agentB.email)]);

    // A customer writes: the conversation appears in both agents' lists, pushed over the socket (no reload, no poll:
    // the list's query never goes stale by itself). How fast is a benchmark's question (bench:inbox), not this test's.
    const started = Date.now();
    await say("Olá, preciso de ajuda com meu pedido");
    const posted = Date.now();
    await Promise.all([pageA, pageB].map((p) => rowOf(p, "Mariana Souza").waitFor({ timeout: 10_000 })));
    const seen = Date.now();
    console.log(`[inbox e2e] customer message → visible in both lists: ${seen - started} ms from the send, ${seen - posted} ms after the webhook was accepted`);
    expect(await rowOf(pageA, "Mariana Souza").getAttribute("data-unread")).toBe("1");

    // A opens it (marks it read for the team) and replies; the phone receives it and the ticks follow the statuses.
    await rowOf(pageA, "Mariana Souza").click();
    await expect.poll(() => pageA.getByTestId("conversation-title").textContent()).toBe("Mariana Souza");
    await expect.poll(() => attr(rowOf(pageB, "Mariana Souza"), "data-unread"), { timeout: 5_000 }).toBe("0");
    await pageA.evaluate(() => {
      // Records every distinct tick state of the reply as the DOM changes (statuses arrive ~0.7 s apart).
      const w = window as unknown as { __ticks: string[] };
      w.__ticks = [];
      const sample = () => {
        const el = [...document.querySelectorAll('[data-testid="timeline-message"]')].find((n) => n.textContent?.includes("Oi Mariana"));
        const s = el?.querySelector('[data-testid="ticks"]')?.getAttribute("data-status");
        if (s && w.__ticks[w.__ticks.length - 1] !== s) w.__ticks.push(s);
      };
      new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    });
    const composer = pageA.getByRole("textbox", { name: /Type a reply/ });
    await composer.fill("Oi Mariana! Como posso ajudar?");
    await composer.press("Enter");
    await expect.poll(() => attr(bubble(pageA, "Oi Mariana!"), "data-status"), { timeout: 15_000 }).toBe("read");
    const ticks = await pageA.evaluate(() => (window as unknown as { __ticks: string[] }).__ticks);
    const order = ["sent", "delivered", "read"].map((s) => ticks.indexOf(s));
    expect(order.every((i) => i >= 0), `ticks seen: ${ticks.join(" → ")}`).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(await bubble(pageA, "Oi Mariana!").getByTestId("ticks").getAttribute("aria-label")).toBe("Read");
    expect((await chat()).some((m) => m.direction === "outbound" && m.content.body === "Oi Mariana! Como posso ajudar?")).toBe(true);
    // B sees A's reply arrive in the list preview, live.
    await expect.poll(() => rowOf(pageB, "Oi Mariana!").count(), { timeout: 5_000 }).toBe(1);

    // An internal note: styled apart, in the timeline, never a message to the phone.
    await pageA.getByRole("tab", { name: "Internal note" }).click();
    expect(await pageA.getByTestId("composer").getAttribute("data-mode")).toBe("note");
    await pageA.getByRole("textbox", { name: "Write a note for your team" }).fill("VIP: segundo pedido atrasado");
    await pageA.getByRole("button", { name: "Add note" }).click();
    await pageA.getByTestId("timeline-note").filter({ hasText: "VIP: segundo pedido atrasado" }).waitFor();
    await pageA.getByRole("tab", { name: "Reply" }).click();

    // A customer's XSS payload is shown as text; only http(s) links become links, with rel=noopener noreferrer.
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> veja https://example.com/pedido?id=1 e javascript:alert(1)`;
    await say(payload);
    const xss = bubble(pageA, "window.__xss=2");
    await xss.waitFor({ timeout: 10_000 });
    expect((await xss.locator("p").first().textContent())?.trim()).toBe(payload);
    expect(await pageA.locator('[data-testid="timeline"] img[src="x"], [data-testid="timeline"] script').count()).toBe(0);
    expect(await pageA.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    const link = xss.getByRole("link", { name: "https://example.com/pedido?id=1" });
    expect(await link.getAttribute("href")).toBe("https://example.com/pedido?id=1");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await xss.locator('a[href^="javascript:"]').count()).toBe(0);

    // The note never reached the phone: only the one reply went out.
    const outbound = (await chat()).filter((m) => m.direction === "outbound");
    expect(outbound.map((m) => m.content.body)).toEqual(["Oi Mariana! Como posso ajudar?"]);
    expect(JSON.stringify(await chat())).not.toContain("VIP: segundo pedido atrasado");

    // A assigns the conversation to B; B's list shows it as theirs live, and B's "Mine" tab has it.
    await pageA.getByRole("button", { name: "Assign" }).click();
    await pageA.getByRole("menuitem", { name: "Bruno Agent" }).click();
    await expect.poll(() => rowOf(pageB, "Mariana Souza").getByTestId("row-assignee").textContent(), { timeout: 5_000 }).toBe("Bruno Agent");
    await pageB.getByTestId("filter-mine").click();
    await rowOf(pageB, "Mariana Souza").waitFor();
    // The assignment is in A's timeline, and A (an agent) may no longer reply to B's conversation.
    await pageA.getByTestId("timeline-event").filter({ hasText: "Bruno Agent" }).first().waitFor();
    await pageA.getByTestId("read-only-notice").waitFor({ timeout: 5_000 });
    expect(await pageA.getByTestId("composer").count()).toBe(0);

    // B opens it: sees the note and the whole conversation, and can reply.
    await rowOf(pageB, "Mariana Souza").click();
    await pageB.getByTestId("timeline-note").filter({ hasText: "VIP: segundo pedido atrasado" }).waitFor();
    await pageB.getByRole("textbox", { name: /Type a reply/ }).waitFor();

    // A viewer reads but cannot send: no composer, and the API refuses.
    const conversationId = await rowOf(pageB, "Mariana Souza").getAttribute("data-conversation-id");
    const pageV = await openInbox(viewer.email, `?c=${conversationId}`);
    await pageV.getByTestId("read-only-notice").waitFor();
    expect(await pageV.getByTestId("composer").count()).toBe(0);
    expect(await pageV.getByRole("button", { name: "Assign" }).count()).toBe(0);
    expect(await bubble(pageV, "Oi Mariana!").count()).toBe(1);
    const refused = await viewer.client.post(`/api/v1/orgs/${owner.orgSlug}/conversations/${conversationId}/messages`, { text: "viewer here" });
    expect(refused.status).toBe(403);

    for (const p of [pageA, pageB, pageV]) expect((p as Page & { errors?: string[] }).errors).toEqual([]);
  }, 180_000);

  async function cloudChannel(name: string) {
    const phoneNumberId = digits(15);
    const number = { phoneNumberId, wabaId: digits(15), accessToken: "EAAGinbox-e2e-access-token-000000000" };
    mock.addPhoneNumber(number); // this file's server talks to this mock: the channel verifies like a real one
    const res = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
      provider: "cloud",
      name,
      displayPhoneNumber: `+1555${digits(7)}`,
      ...number,
      appSecret: APP_SECRET,
    });
    expect(res.status).toBe(201);
    return { id: res.body.channel.id, phoneNumberId };
  }

  /** A customer message as Meta delivers it (signed with the channel's app secret), dated `at`. */
  async function inbound(channel: { id: string; phoneNumberId: string }, from: string, name: string, text: string, at: Date) {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "0",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "15550000000", phone_number_id: channel.phoneNumberId },
                contacts: [{ profile: { name }, wa_id: from }],
                messages: [{ from, id: `wamid.e2e${randomBytes(12).toString("hex")}`, timestamp: String(Math.floor(at.getTime() / 1000)), type: "text", text: { body: text } }],
              },
            },
          ],
        },
      ],
    });
    const res = await fetch(`${baseUrl}/api/webhooks/whatsapp/${channel.id}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}` },
      body,
    });
    expect(res.status).toBe(200);
  }

  it("outside the 24-hour window the composer is a template picker, and a free-form send is refused by the API", async () => {
    const channel = await cloudChannel("Cloud window");
    const sync = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/channels/${channel.id}/templates/sync`);
    expect(sync.status).toBeLessThan(300);
    await expect
      .poll(async () => (await owner.client.get<{ templates: { name: string; status: string }[] }>(`/api/v1/orgs/${owner.orgSlug}/templates?channelId=${channel.id}`)).body.templates.map((t) => t.name).sort(), { timeout: 20_000 })
      .toEqual(["draft_promo", "order_ready"]);
    await inbound(channel, "5511912340001", "Paula Antiga", "Mensagem de ontem", new Date(Date.now() - 25 * 3600_000));

    const page = await openInbox(owner.email);
    await rowOf(page, "Paula Antiga").click();
    await expect.poll(() => attr(page.getByTestId("composer"), "data-mode"), { timeout: 10_000 }).toBe("template");
    expect(await page.getByTestId("window-countdown").getAttribute("data-open")).toBe("false");
    // No text box to type into the void: free-form typing is impossible.
    expect(await page.getByRole("textbox", { name: /Type a reply/ }).count()).toBe(0);
    const picker = page.getByTestId("template-picker");
    const options = () => picker.getByRole("combobox", { name: "Choose a template" }).locator("option").allTextContents();
    // Only the channel's APPROVED templates are offered.
    await expect.poll(options, { timeout: 10_000 }).toEqual(["Choose a template", "order_ready (en_US)"]);
    await picker.getByRole("combobox", { name: "Choose a template" }).selectOption({ label: "order_ready (en_US)" });
    await picker.getByLabel("Body {{1}}").fill("Paula");
    await picker.getByLabel("Body {{2}}").fill("#42");
    await expect.poll(() => picker.getByTestId("template-preview").textContent()).toContain("Hi Paula, your order #42 is ready.");
    await picker.getByRole("button", { name: "Send template" }).click();
    const sent = page.getByTestId("timeline-message").filter({ has: page.getByTestId("template-message") });
    await sent.waitFor();
    expect(await sent.textContent()).toContain("Hi Paula, your order #42 is ready.");
    await expect.poll(() => mock.messageCalls().some((c) => JSON.stringify(c.body).includes('"order_ready"')), { timeout: 15_000 }).toBe(true);

    // The API agrees with the composer: free-form outside the window is refused, nothing stored.
    const conversationId = await rowOf(page, "Paula Antiga").getAttribute("data-conversation-id");
    const refused = await owner.client.post<{ error: { code: string; issues?: { path: string; message: string }[] } }>(
      `/api/v1/orgs/${owner.orgSlug}/conversations/${conversationId}/messages`,
      { text: "Oi, ainda está aí?" },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues).toEqual([{ path: "window", message: "outside_window" }]);
    const timeline = await owner.client.get<{ items: { kind: string; content?: { body?: string } }[] }>(`/api/v1/orgs/${owner.orgSlug}/conversations/${conversationId}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain("ainda está aí");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  }, 120_000);

  it("a send Meta refuses shows Meta's error and what to do, and Retry makes a new attempt", async () => {
    const channel = await cloudChannel("Cloud failures");
    await inbound(channel, "5511912340002", "Rita Falha", "Meu pedido chegou?", new Date());
    const page = await openInbox(owner.email);
    await rowOf(page, "Rita Falha").click();
    mock.fail({ metaError: 131026 });
    const composer = page.getByRole("textbox", { name: /Type a reply/ });
    await composer.fill("Seu pedido foi enviado");
    await composer.press("Enter");
    const failed = bubble(page, "Seu pedido foi enviado");
    await expect.poll(() => attr(failed, "data-status"), { timeout: 20_000 }).toBe("failed");
    const failure = failed.getByTestId("message-failure");
    expect(await failure.getByTestId("failure-meta").textContent()).toContain("131026");
    expect(await failure.getByTestId("failure-meta").textContent()).toContain("Message undeliverable");
    expect(await failure.getByTestId("failure-explanation").textContent()).toContain("could not be delivered");
    expect(await failed.getByTestId("ticks").getAttribute("aria-label")).toBe("Failed");

    await failure.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => bubble(page, "Seu pedido foi enviado").count(), { timeout: 10_000 }).toBe(2);
    const statuses = async () => (await bubble(page, "Seu pedido foi enviado").evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))));
    await expect.poll(statuses, { timeout: 15_000 }).toEqual(["failed", "queued"]);
    await expect.poll(() => mock.messages.filter((m) => JSON.stringify(m.body).includes("Seu pedido foi enviado")).length, { timeout: 15_000 }).toBe(1);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
  }, 120_000);
  it("composer and header tools: /canned replies, emoji, close and reopen, priority, bot take-over, contact name, in Portuguese too", async () => {
    const canned = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/canned-replies`, { shortcut: "prazo", body: "O prazo de entrega é de 3 dias úteis." });
    expect(canned.status).toBe(201);
    const channel = await cloudChannel("Cloud tools");
    await inbound(channel, "5511912340003", "Tiago Ferramentas", "Qual o prazo?", new Date());
    const page = await openInbox(owner.email);
    await rowOf(page, "Tiago Ferramentas").click();

    const composer = page.getByRole("textbox", { name: /Type a reply/ });
    await composer.fill("Oi! /pra");
    await page.getByTestId("canned-suggestions").getByRole("option", { name: /\/prazo/ }).waitFor();
    await composer.press("Enter");
    await expect.poll(() => composer.inputValue()).toBe("Oi! O prazo de entrega é de 3 dias úteis.");
    await page.getByRole("button", { name: "Insert emoji" }).click();
    await page.getByRole("button", { name: "🙏" }).click();
    await expect.poll(() => composer.inputValue()).toBe("Oi! O prazo de entrega é de 3 dias úteis.🙏");
    await composer.press("Enter");
    await bubble(page, "3 dias úteis.🙏").waitFor();
    await expect.poll(() => mock.messages.some((m) => JSON.stringify(m.body).includes("3 dias úteis.🙏")), { timeout: 15_000 }).toBe(true);

    await page.getByRole("combobox", { name: "Priority" }).selectOption("urgent");
    await page.getByTestId("timeline-event").filter({ hasText: "priority" }).waitFor();
    await page.getByRole("button", { name: "Hand back to the bot" }).click();
    await page.getByRole("button", { name: "Take over from the bot" }).click();
    await page.getByRole("button", { name: "Hand back to the bot" }).waitFor();
    await page.getByRole("button", { name: "Close", exact: true }).click();
    await expect.poll(() => page.getByTestId("conversation-status").textContent()).toBe("Closed");
    // Closed conversations leave the "Open" list live.
    await expect.poll(() => rowOf(page, "Tiago Ferramentas").count()).toBe(0);
    await page.getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => page.getByTestId("conversation-status").textContent()).toBe("Open");
    await rowOf(page, "Tiago Ferramentas").waitFor();

    await page.getByRole("button", { name: "Edit name" }).click();
    await page.getByRole("textbox", { name: "Contact name" }).fill("Tiago F. (VIP)");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByTestId("contact-name").textContent()).toBe("Tiago F. (VIP)");
    await expect.poll(() => page.getByTestId("conversation-title").textContent(), { timeout: 5_000 }).toBe("Tiago F. (VIP)");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);

    // The same inbox for a colleague who chose Portuguese.
    const conversationId = await rowOf(page, "Tiago F. (VIP)").getAttribute("data-conversation-id");
    // The owner's reply took the conversation (reply assigns); handed back to the queue, a colleague may act on it.
    expect((await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/conversations/${conversationId}/assign`, { assigneeId: null })).status).toBe(200);
    const paulo = await addMemberViaInvitation(owner, "agent", "Paulo Português");
    expect((await paulo.client.patch("/api/v1/me", { locale: "pt-BR" })).status).toBe(200);
    const pt = await openInbox(paulo.email, `?c=${conversationId}`);
    await pt.getByRole("heading", { name: "Caixa de entrada" }).waitFor();
    expect(await pt.getByTestId("connection-indicator").textContent()).toBe("Ao vivo");
    await pt.getByRole("tab", { name: "Nota interna" }).waitFor();
    expect(await bubble(pt, "3 dias úteis.🙏").getByTestId("ticks").getAttribute("aria-label")).toBe("Na fila");
  }, 120_000);
});
