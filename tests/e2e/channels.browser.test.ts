import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { registerMockPhoneNumber } from "../support/graph-mock";
import { signUpOwner } from "../support/http-client";

const run = browserAvailable();
// A Graph API round trip plus a server refresh, on a loaded machine: wait for the outcome, not for a deadline.
const WAIT = { timeout: 20_000 };

describe.skipIf(!run)("channels in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("bad input shows field errors and stores nothing; a claim Meta refuses is refused; a verified one shows its state, the webhook URL and verify token", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Channel Co");
    await page.goto(`${baseUrl}/${slug}/settings/channels/new`);
    await page.getByLabel("Provider").selectOption("cloud");
    await page.getByLabel("Name", { exact: true }).fill("Main line");
    await page.getByLabel("Display phone number").fill("12345");
    await page.getByLabel("Phone number ID").fill("not-digits");
    await page.getByLabel("WhatsApp Business Account ID").fill("102290129340398");
    await page.getByLabel("Access token").fill("short");
    await page.getByLabel("App secret").fill("0123456789abcdef0123456789abcdef");
    await page.getByRole("button", { name: "Add number" }).click();

    await expect.poll(() => page.getByText("Use international format", { exact: false }).count(), WAIT).toBeGreaterThan(0);
    expect(await page.getByText("Phone number ID is the numeric id", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByText("Paste the access token", { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Phone number ID").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe(`/${slug}/settings/channels/new`);
    const stored = await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/channels`);
    expect((await stored.json()).channels).toEqual([]);

    // A claim Meta does not confirm (the token cannot read the number) is refused and stores nothing.
    const phoneNumberId = String(100000000000000 + Math.floor(Math.random() * 1e12));
    await page.getByLabel("Display phone number").fill("+55 11 91234-5678");
    await page.getByLabel("Phone number ID").fill(phoneNumberId);
    await page.getByLabel("Access token").fill("EAAGm0PX4ZCpsBAtesttoken1234567890");
    await page.getByRole("button", { name: "Add number" }).click();
    await expect.poll(() => page.getByText(`Meta refused to show phone number ID ${phoneNumberId}`, { exact: false }).count(), WAIT).toBeGreaterThan(0);
    expect((await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/channels`)).json()).channels).toEqual([]);

    // Once "Meta" knows the number in that WABA for this token, the same form creates it, verified.
    const graphMockUrl = inject("graphMockUrl");
    const number = { phoneNumberId, wabaId: "102290129340398", accessToken: "EAAGm0PX4ZCpsBAtesttoken1234567890", verifiedName: "Main Line Ltda" };
    await registerMockPhoneNumber(graphMockUrl, number);
    await page.getByRole("button", { name: "Add number" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/channels/[0-9a-f-]{36}$`));
    const channelId = page.url().split("/").pop()!;
    expect(await page.getByTestId("channel-verification").first().textContent()).toBe("Verified");
    expect(await page.getByText("Main Line Ltda").isVisible()).toBe(true);

    // "Verify again" asks Meta again: confirmed while the token reads the number…
    await page.getByRole("button", { name: "Verify again" }).click();
    await expect.poll(() => page.getByText("Meta confirmed this number.").count(), WAIT).toBe(1);
    // …and shows the reason, and the unverified state, once the number moved to another business's account.
    await registerMockPhoneNumber(graphMockUrl, { ...number, wabaId: "109999999999999", accessToken: "EAAG-another-business-token-0000000" });
    await page.getByRole("button", { name: "Verify again" }).click();
    await expect.poll(() => page.getByTestId("verification-error").count(), WAIT).toBe(1);
    expect(await page.getByTestId("verification-error").textContent()).toContain(`Meta refused to show phone number ID ${phoneNumberId}`);
    await expect.poll(() => page.getByTestId("channel-verification").first().textContent(), WAIT).toBe("Not verified");
    expect(await page.getByText(`/api/webhooks/whatsapp/${channelId}`).first().isVisible()).toBe(true);
    const view = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/channels/${channelId}`)).json();
    expect(await page.getByText(view.channel.verifyToken).first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain("EAAGm0PX4ZCpsBAtesttoken1234567890");

    // Deleting asks first, then leaves the number out of the list (and out of the API).
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/channels$`));
    const after = await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/channels`);
    expect((await after.json()).channels).toEqual([]);
    expect(await page.getByText("Main line").count()).toBe(0);
    await context.close();
  });

  it("a member of organization A opening organization B's channel URL gets the not-found page", async () => {
    const b = await signUpOwner(baseUrl, "Org B");
    const created = await b.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${b.orgSlug}/channels`, {
      provider: "sandbox",
      name: "B's number",
      displayPhoneNumber: "+5511900000000",
    });
    expect(created.status).toBe(201);
    const channelId = created.body.channel.id;

    const { context, page } = await newPage(browser);
    const a = await signUpInBrowser(page, baseUrl, "Org A");
    for (const path of [`/${b.orgSlug}/settings/channels/${channelId}`, `/${a.slug}/settings/channels/${channelId}`]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
      expect(await page.getByText("B's number").count()).toBe(0);
    }
    await context.close();
  });
});
