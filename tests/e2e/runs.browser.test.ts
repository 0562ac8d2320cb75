import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser, signUpInBrowser } from "../support/browser-session";
import { addMemberViaInvitation, signUpOwner } from "../support/http-client";

const run = browserAvailable();

/** Rows of the runs table for the diagnostics function (the link text is the function's name). */
const pingRows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: /diagnostics-ping/ }) });

describe.skipIf(!run)("runs in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("an owner sends a test event, watches its run complete, reads its steps and replays it", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Runs Co");
    await page.goto(`${baseUrl}/${slug}/settings`);
    await page.getByRole("link", { name: "Runs", exact: true }).click();
    await page.waitForURL(`${baseUrl}/${slug}/settings/runs`);
    expect(await page.getByRole("heading", { name: "Runs", exact: true }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByRole("status").filter({ hasText: "Test event sent" }).waitFor();

    // The production server's own executor runs the function: a step, a one-second sleep, done.
    await expect
      .poll(
        async () => {
          await page.reload();
          return pingRows(page).filter({ hasText: "Completed" }).count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    await pingRows(page).first().getByRole("link").click();
    await page.waitForURL(new RegExp(`/${slug}/settings/runs/run_[0-9a-f]{32}$`));
    const firstRunUrl = page.url();
    expect(await page.getByRole("heading", { name: "Run details" }).isVisible()).toBe(true);
    const reply = page.getByRole("listitem", { name: "reply" });
    expect(await reply.getByRole("heading", { name: "reply" }).isVisible()).toBe(true);
    expect(await reply.locator("pre").textContent()).toContain('"pong": true');
    expect(await page.getByText("papo/test.ping").first().isVisible()).toBe(true);
    // A finished run can be replayed but not cancelled.
    expect(await page.getByRole("button", { name: "Cancel run" }).count()).toBe(0);

    await page.getByRole("button", { name: "Replay" }).click();
    await page.waitForURL((url) => /\/runs\/run_[0-9a-f]{32}$/.test(url.pathname) && url.href !== firstRunUrl);
    expect(await page.getByRole("heading", { name: "Run details" }).isVisible()).toBe(true);
    await page.goto(`${baseUrl}/${slug}/settings/runs`);
    await expect.poll(() => pingRows(page).count(), { timeout: 10_000 }).toBe(2);

    await page.getByRole("link", { name: "Events", exact: true }).click();
    await page.waitForURL(`${baseUrl}/${slug}/settings/events`);
    const eventRow = page.getByRole("row").filter({ hasText: "papo/test.ping" });
    expect(await eventRow.count()).toBe(1);
    // The list shows the start of the payload (the API sends a preview, not the payload).
    expect(await eventRow.textContent()).toContain("Hello from Papo");
    expect(await eventRow.getByRole("link", { name: /diagnostics-ping/ }).count()).toBe(2);
    await context.close();
  });

  it("an agent is refused the Runs page; an admin of another organization gets not-found for a run URL", async () => {
    const owner = await signUpOwner(baseUrl, "Runs Owner Org");
    const sent = await owner.client.post<{ eventId: string }>(`/api/v1/orgs/${owner.orgSlug}/events/test`);
    expect(sent.status).toBe(201);
    const runs = await owner.client.get<{ runs: { id: string; eventId: string }[] }>(`/api/v1/orgs/${owner.orgSlug}/runs`);
    const runId = runs.body.runs.find((r) => r.eventId === sent.body.eventId)!.id;

    const agent = await addMemberViaInvitation(owner, "agent");
    const asAgent = await newPage(browser);
    await signInInBrowser(asAgent.page, baseUrl, agent.email);
    await asAgent.page.waitForURL((url) => url.pathname !== "/sign-in");
    await asAgent.page.goto(`${baseUrl}/${owner.orgSlug}/settings/profile`);
    expect(await asAgent.page.getByRole("link", { name: "Profile", exact: true }).isVisible()).toBe(true);
    expect(await asAgent.page.getByRole("link", { name: "Runs", exact: true }).count()).toBe(0);
    for (const path of ["runs", `runs/${runId}`, "events"]) {
      await asAgent.page.goto(`${baseUrl}/${owner.orgSlug}/settings/${path}`);
      expect(await asAgent.page.getByRole("heading", { name: "You don't have access to this page" }).isVisible(), path).toBe(true);
    }
    await asAgent.context.close();

    const otherOwner = await signUpOwner(baseUrl, "Runs Other Org");
    const otherAdmin = await addMemberViaInvitation(otherOwner, "admin");
    const asAdmin = await newPage(browser);
    await signInInBrowser(asAdmin.page, baseUrl, otherAdmin.email);
    await asAdmin.page.waitForURL((url) => url.pathname !== "/sign-in");
    for (const path of [`/${owner.orgSlug}/settings/runs/${runId}`, `/${otherOwner.orgSlug}/settings/runs/${runId}`]) {
      const response = await asAdmin.page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      expect(await asAdmin.page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
    }
    // Their own Runs page works and does not list the other organization's run.
    await asAdmin.page.goto(`${baseUrl}/${otherOwner.orgSlug}/settings/runs`);
    expect(await asAdmin.page.getByRole("heading", { name: "Runs", exact: true }).isVisible()).toBe(true);
    expect(await asAdmin.page.locator(`a[href$="${runId}"]`).count()).toBe(0);
    await asAdmin.context.close();
  });
});
