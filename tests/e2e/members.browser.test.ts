import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { PASSWORD, uniqueEmail } from "../support/http-client";

const run = browserAvailable();

describe.skipIf(!run)("members in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("an owner invites an agent, who accepts in another browser and cannot reach Settings → Members", async () => {
    const owner = await newPage(browser);
    const { slug } = await signUpInBrowser(owner.page, baseUrl, "Invite Co");
    await owner.page.goto(`${baseUrl}/${slug}/settings/members`);
    await owner.page.getByRole("button", { name: "Invite member" }).click();
    const agentEmail = uniqueEmail("agent");
    const dialog = owner.page.getByRole("dialog");
    await dialog.getByLabel("Email").fill(agentEmail);
    await dialog.getByLabel("Role").selectOption("agent");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    const link = owner.page.getByTestId("invitation-url");
    await link.waitFor();
    const url = ((await link.inputValue().catch(() => null)) ?? (await link.textContent()) ?? "").trim();
    // The link names the address the owner is using, so the invitee lands on the same site.
    expect(url.startsWith(`${baseUrl}/invite/inv_`)).toBe(true);

    // The invitee, in a separate browser context (no shared cookies), creates an account through the link.
    const agent = await newPage(browser);
    await agent.page.goto(url);
    expect(await agent.page.getByText("Invite Co").first().isVisible()).toBe(true);
    await agent.page.getByLabel("Name", { exact: true }).fill("Agent Smith");
    await agent.page.getByLabel("Password").fill(PASSWORD);
    await agent.page.getByRole("button", { name: "Create account" }).click();
    await agent.page.waitForURL(new RegExp(`/${slug}(/settings/organization|/inbox|/overview)?$`));

    // Members is not offered to an agent, and going there directly is refused — by the page and by the API.
    expect(await agent.page.getByRole("link", { name: "Members" }).count()).toBe(0);
    await agent.page.goto(`${baseUrl}/${slug}/settings/members`);
    expect(await agent.page.getByRole("heading", { name: "You don't have access to this page" }).isVisible()).toBe(true);
    expect(await agent.page.getByText(agentEmail).count()).toBe(0);
    const api = await agent.page.request.get(`${baseUrl}/api/v1/orgs/${slug}/members`);
    expect(api.status()).toBe(403);

    // The owner sees the new member with the agent role.
    await owner.page.goto(`${baseUrl}/${slug}/settings/members`);
    const row = owner.page.getByRole("row").filter({ hasText: agentEmail });
    await row.waitFor();
    expect(await row.isVisible()).toBe(true);
    await owner.context.close();
    await agent.context.close();
  });
});
