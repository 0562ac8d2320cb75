import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { startEvolutionMock, type EvolutionMock } from "../support/evolution-mock";
import { findOverlaps } from "../support/layout-check";

const run = browserAvailable();
const WAIT = { timeout: 30_000 };

describe.skipIf(!run)("an Evolution API number in the browser", () => {
  let browser: Browser;
  let mock: EvolutionMock;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
    // Posts its webhooks over HTTP to the production server, like a real gateway.
    mock = await startEvolutionMock();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it("adds the number, shows the QR until the phone links it, and answers a customer from the inbox", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Evo Co");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/${slug}/settings/channels/new`);
    await page.getByLabel("Provider").selectOption("evolution");
    expect(await page.getByText("Unofficial gateway: WhatsApp may ban numbers").isVisible()).toBe(true);
    await page.getByLabel("Name", { exact: true }).fill("Avisos");
    await page.getByLabel("Server URL").fill(mock.url);
    await page.getByLabel("API key").fill("wrong-key-000");
    await page.getByLabel("Instance name").fill("avisos");
    await page.getByRole("button", { name: "Add number" }).click();
    await expect.poll(() => page.getByText("The Evolution server refused the API key", { exact: false }).count(), WAIT).toBeGreaterThan(0);
    expect(mock.instances.size).toBe(0);

    await page.getByLabel("API key").fill(mock.apiKey);
    await page.getByRole("button", { name: "Add number" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/channels/[0-9a-f-]{36}$`), WAIT);
    await page.getByTestId("evolution-qr").waitFor(WAIT);
    expect(await page.getByTestId("evolution-state").first().textContent()).toBe("Waiting for QR scan");
    expect(await page.getByText("Unofficial: this number runs WhatsApp Web").isVisible()).toBe(true);
    expect(await page.content()).not.toContain(mock.apiKey);
    // (At 390 px the app shell leaves this page a 150 px column — the shell's own responsive work, issue #18.)
    expect(await page.getByTestId("evolution-qr").isVisible()).toBe(true);

    // The phone scans the code: the page notices by itself.
    expect((await mock.link("avisos", { phone: "+55 11 95555-0142" }))!.status).toBe(200);
    await expect.poll(() => page.getByTestId("evolution-card").getByTestId("evolution-state").textContent(), WAIT).toBe("Connected");
    expect(await page.getByTestId("evolution-qr").count()).toBe(0);
    await expect.poll(() => page.getByText("Linked to +5511955550142.").count(), WAIT).toBe(1);

    // A customer writes; an agent answers from the inbox, through the Evolution number, with no window rules.
    await page.setViewportSize({ width: 1440, height: 900 });
    const customer = "5511987654321";
    expect((await mock.customerSends("avisos", { from: customer, pushName: "Carla Dias", text: "Meu pedido chegou?" })).delivery!.status).toBe(200);
    await page.goto(`${baseUrl}/${slug}/inbox`);
    const row = page.getByTestId("conversation-row").filter({ hasText: "Carla Dias" });
    await row.waitFor(WAIT);
    await row.click();
    await page.getByTestId("timeline-message").filter({ hasText: "Meu pedido chegou?" }).waitFor(WAIT);
    expect(await page.getByTestId("composer-channel").textContent()).toContain("Replying from Avisos +5511955550142");
    expect(await page.getByTestId("window-countdown").count()).toBe(0);
    const composer = page.getByRole("textbox", { name: /Type a reply/ });
    await composer.fill("Chegou sim, Carla!");
    await composer.press("Enter");
    await expect.poll(() => mock.sent.filter((s) => s.instance === "avisos").map((s) => [s.endpoint, s.body.number, s.body.text]), WAIT).toEqual([["sendText", customer, "Chegou sim, Carla!"]]);
    await context.close();
  }, 180_000);

  it("refreshes the QR by push, flags a dropped number on its card and in the composer, and sets the proactive number", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Evo Live");
    const api = `${baseUrl}/api/v1/orgs/${slug}/channels`;
    const official = await page.request.post(api, { data: { provider: "sandbox", name: "Atendimento", displayPhoneNumber: "+5511955550300" } });
    expect(official.status()).toBe(201);
    const created = await page.request.post(api, { data: { provider: "evolution", name: "Avisos", baseUrl: mock.url, apiKey: mock.apiKey, instanceName: "avisos-live" } });
    expect(created.status()).toBe(201);
    const { channel } = await created.json();

    // Reads of the channel the page makes: with the socket up there is no polling, only a read per push.
    let reads = 0;
    page.on("request", (r) => {
      if (r.method() === "GET" && r.url().endsWith(`/channels/${channel.id}`)) reads++;
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}/${slug}/settings/channels/${channel.id}`);
    const qr = page.getByTestId("evolution-qr");
    await qr.waitFor(WAIT);
    const firstQr = await qr.getAttribute("src");
    // The read on connect says the socket is up.
    await expect.poll(() => reads, WAIT).toBeGreaterThan(0);
    const beforePush = reads;
    expect((await mock.refreshQr("avisos-live"))!.status).toBe(200);
    await expect.poll(() => qr.getAttribute("src"), WAIT).not.toBe(firstQr);
    expect(reads - beforePush).toBeLessThanOrEqual(2);

    expect((await mock.link("avisos-live", { phone: "+55 11 95555-0301" }))!.status).toBe(200);
    const card = page.getByTestId("evolution-card");
    await expect.poll(() => card.getByTestId("evolution-state").textContent(), WAIT).toBe("Connected");
    expect(await page.getByTestId("evolution-disconnected").count()).toBe(0);
    expect((await mock.drop("avisos-live", 428))!.status).toBe(200);
    await page.getByTestId("evolution-disconnected").waitFor(WAIT);
    expect(await card.getByTestId("evolution-state").textContent()).toBe("Disconnected");
    expect((await mock.link("avisos-live", { phone: "+55 11 95555-0301" }))!.status).toBe(200);
    await expect.poll(() => page.getByTestId("evolution-disconnected").count(), WAIT).toBe(0);

    // Settings → Channels: the proactive number, saved as soon as it is picked, at both widths.
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}/${slug}/settings/channels`);
      await page.getByTestId("channel-routing").waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await findOverlaps(page)).toEqual([]);
    }
    const select = page.getByLabel("Proactive messages (notifications, campaigns, reminders) go through");
    expect(await select.inputValue()).toBe("");
    await select.selectOption({ label: "Avisos (+5511955550301) — unofficial" });
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor(WAIT);
    expect(await page.getByText("Through an Evolution number, notices are spaced").isVisible()).toBe(true);
    const routing = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/channel-routing`)).json();
    expect(routing).toEqual({ routing: { proactiveChannelId: channel.id } });
    await page.reload();
    expect(await page.getByLabel("Proactive messages (notifications, campaigns, reminders) go through").inputValue()).toBe(channel.id);

    // A customer of the Evolution number; the number drops while an agent has the conversation open.
    const customer = "5511987650302";
    expect((await mock.customerSends("avisos-live", { from: customer, pushName: "Bruno Lima", text: "Oi" })).delivery!.status).toBe(200);
    await page.goto(`${baseUrl}/${slug}/inbox`);
    const row = page.getByTestId("conversation-row").filter({ hasText: "Bruno Lima" });
    await row.waitFor(WAIT);
    await row.click();
    await page.getByTestId("composer-channel").waitFor(WAIT);
    expect(await page.getByTestId("composer-disconnected").count()).toBe(0);
    expect((await mock.drop("avisos-live", 428))!.status).toBe(200);
    await page.getByTestId("composer-disconnected").waitFor(WAIT);
    expect(await page.getByTestId("composer-disconnected").textContent()).toContain("Avisos is disconnected from WhatsApp");
    expect((await mock.link("avisos-live", { phone: "+55 11 95555-0301" }))!.status).toBe(200);
    await expect.poll(() => page.getByTestId("composer-disconnected").count(), WAIT).toBe(0);
    await context.close();
  }, 180_000);
});
