import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { signUpOwner, type SignedUp } from "../support/http-client";

const run = browserAvailable();

describe.skipIf(!run)("analytics", () => {
  let browser: Browser;
  let owner: SignedUp;
  const baseUrl = inject("baseUrl");
  const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Painel Co");
    const channel = await owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Loja", displayPhoneNumber: "+5511912340000" });
    expect(channel.status).toBe(201);
    // A customer writes in (through the signed sandbox webhook): one conversation opened, one message received.
    const sent = await owner.client.post(org(`/sandbox/${channel.body.channel.id}/customer-messages`), { customer: { name: "Ana", phone: "+5511987650077" }, message: { type: "text", body: "Oi!" } });
    expect(sent.status).toBe(201);
    // expect.poll belongs to tests: a plain wait for the webhook's durable run to store the conversation.
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 200))) {
      const o = await owner.client.get<{ totals: { opened: number } }>(org("/analytics/overview"));
      if (o.body.totals?.opened === 1) break;
      if (Date.now() > deadline) throw new Error("the customer's message never became a conversation");
    }
  }, 120_000);
  afterAll(async () => browser?.close());

  it("sign in → the overview with charts; switch the period; download a chart's CSV; the agents and flows reports load", async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInInBrowser(page, baseUrl, owner.email);
    await page.waitForURL(new RegExp(`/${owner.orgSlug}/overview$`));
    await page.getByRole("heading", { name: "Overview", level: 1 }).waitFor();
    for (const chart of ["series-conversations", "series-messages", "series-spend"]) await page.getByTestId(`${chart}-chart`).locator("svg").first().waitFor();
    expect(await page.getByTestId("stat-opened").innerText()).toMatch(/Conversations opened\s+1\s/);
    expect(await page.getByTestId("stat-messagesIn").innerText()).toMatch(/Messages received\s+1\s/);
    expect(await page.getByTestId("campaign-funnel").innerText()).toMatch(/not available yet/);
    // The chart's numbers as a table: 30 days, today's row counting the conversation.
    await page.getByTestId("series-conversations").getByText("Show the numbers").click();
    expect(await page.getByTestId("series-conversations-table").locator("tbody tr").count()).toBe(30);

    // Last 7 days: the page asks the API for that period and shows it.
    const shown = await page.getByTestId("overview-range").innerText();
    const refetch = page.waitForResponse((r) => r.url().includes("/analytics/overview?") && r.status() === 200);
    await page.getByLabel("Period").selectOption("last7");
    await refetch;
    await expect.poll(() => page.getByTestId("overview-range").innerText()).not.toBe(shown);
    expect(await page.getByTestId("series-conversations-table").locator("tbody tr").count()).toBe(7);

    // The CSV holds the same seven days (and the previous seven beside them).
    const download = page.waitForEvent("download");
    await page.getByTestId("series-conversations").getByTestId("csv-series").click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file!, "utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^day,conversations_opened,/);
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(",")[1]), 0)).toBe(1);

    const tabs = page.getByRole("navigation", { name: "Reports" });
    await tabs.getByRole("link", { name: "Agents" }).click();
    await page.waitForURL(/\/overview\/agents$/);
    await page.getByTestId("agents-report").getByRole("cell", { name: "Owner" }).first().waitFor();
    await tabs.getByRole("link", { name: "Flows" }).click();
    await page.waitForURL(/\/overview\/flows$/);
    await page.getByTestId("flows-report").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("the organization's time zone is set in Settings → Organization and frames the overview's days", async () => {
    const { context, page } = await newPage(browser);
    await signInInBrowser(page, baseUrl, owner.email);
    await page.waitForURL(new RegExp(`/${owner.orgSlug}/overview$`));
    expect(await page.getByTestId("overview-range").innerText()).toContain("America/Sao_Paulo");
    await page.goto(`${baseUrl}/${owner.orgSlug}/settings/organization`);
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("The organization was saved.").waitFor();
    await page.goto(`${baseUrl}/${owner.orgSlug}/overview`);
    expect(await page.getByTestId("overview-range").innerText()).toContain("Asia/Tokyo");
    // The API refuses a zone that is not an IANA name, with a readable message.
    const bad = await owner.client.patch<{ error: { code: string; message: string } }>(org(), { timeZone: "Mars/Olympus" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toMatch(/Unknown time zone/);
    await context.close();
  }, 120_000);
});
