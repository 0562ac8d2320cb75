import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { signInInBrowser } from "../support/browser-session";
import { signUpOwner, type SignedUp } from "../support/http-client";
import { findOverlaps, horizontalOverflow } from "../support/layout-check";

// Flows → From the gallery (pick a ready-made flow, see it in the editor), and the template form at a phone's width.
const run = browserAvailable();

describe.skipIf(!run)("flow gallery and the template form on a phone", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  let owner: SignedUp;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Provedor Galeria");
    const channel = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Loja", displayPhoneNumber: "+15550007777" });
    expect(channel.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  async function openAs(locale: "en" | "pt-BR", width: number): Promise<{ page: Page; errors: string[] }> {
    expect((await owner.client.patch(`/api/v1/me`, { locale })).status).toBe(200);
    const context = await browser.newContext({ locale: "en-US", viewport: { width, height: 844 } });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInInBrowser(page, baseUrl, owner.email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    return { page, errors };
  }

  it("picks a gallery flow without a connection: it opens in the editor, the placeholder flagged; with one, nothing to flag", async () => {
    const { page, errors } = await openAs("en", 1440);
    await page.goto(`${baseUrl}/${owner.orgSlug}/flows`);
    await page.getByRole("button", { name: "From the gallery" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Second copy of a bill").click();
    await expect.poll(() => dialog.getByRole("note").innerText()).toContain("No connection yet");
    await dialog.getByRole("button", { name: "Create and open" }).click();
    await page.waitForURL(new RegExp(`/${owner.orgSlug}/flows/[0-9a-f-]{36}$`));
    await page.getByTestId("flow-node-start").waitFor();
    expect(await page.locator('[data-node-type="http_request"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("issues-list").innerText()).toContain("Choose the connection to your system");

    // With a connection of the organization, the dialog offers it and the flow names it.
    const created = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/integrations`, { name: "erp", baseUrl: "https://erp.example.com/api" });
    expect(created.status).toBe(201);
    await page.goto(`${baseUrl}/${owner.orgSlug}/flows`);
    await page.getByRole("button", { name: "From the gallery" }).click();
    await page.getByRole("dialog").getByText("Identify the customer").click();
    await expect.poll(() => page.getByLabel("Connection to your system").inputValue()).toBe("erp");
    await page.getByRole("dialog").getByRole("button", { name: "Create and open" }).click();
    await page.waitForURL(new RegExp(`/${owner.orgSlug}/flows/[0-9a-f-]{36}$`));
    const flowId = page.url().split("/").pop()!;
    await page.getByTestId("flow-node-start").waitFor();
    const flow = await owner.client.get<{ flow: { name: string } }>(`/api/v1/orgs/${owner.orgSlug}/flows/${flowId}`);
    expect(flow.body.flow.name).toBe("Identify the customer");
    expect(await page.getByText("Choose the connection to your system").count()).toBe(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it("the gallery dialog in Portuguese at 390 px: flows described in Portuguese, nothing overlapping or scrolling sideways", async () => {
    const { page, errors } = await openAs("pt-BR", 390);
    await page.goto(`${baseUrl}/${owner.orgSlug}/flows`);
    await page.getByRole("button", { name: "Da galeria" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Segunda via de boleto").waitFor();
    expect(await dialog.getByText("Remarcar um agendamento").count()).toBe(1);
    expect(await findOverlaps(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 120_000);

  for (const locale of ["en", "pt-BR"] as const) {
    it(`Settings → Templates → New at 390 px in ${locale}: no sideways scroll, no overlapping controls`, async () => {
      const { page, errors } = await openAs(locale, 390);
      await page.goto(`${baseUrl}/${owner.orgSlug}/settings/templates/new`);
      await page.locator("form").first().waitFor();
      expect(await findOverlaps(page), "overlapping controls").toEqual([]);
      expect(await horizontalOverflow(page), "sideways scroll").toBeLessThanOrEqual(0);
      // Scrolled down to the buttons and the preview, still tidy.
      await page.mouse.wheel(0, 2_000);
      expect(await findOverlaps(page), "overlapping controls, scrolled").toEqual([]);
      expect(errors).toEqual([]);
    }, 120_000);
  }
});
