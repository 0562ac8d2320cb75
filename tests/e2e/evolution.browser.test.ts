import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { startEvolutionMock, type EvolutionMock } from "../support/evolution-mock";

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
});
