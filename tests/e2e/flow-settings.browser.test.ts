import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser, signUpInBrowser } from "../support/browser-session";
import { HttpClient, PASSWORD, addMemberViaInvitation } from "../support/http-client";

const run = browserAvailable();

describe.skipIf(!run)("Settings → Flows in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("an owner saves the AI endpoint, allows private addresses and adds a global; all still there after a reload; an agent only reads", async () => {
    const owner = await newPage(browser);
    const { page } = owner;
    const { email, slug } = await signUpInBrowser(page, baseUrl, "Flow Settings Co");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Flows" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/flows$`));
    expect(await page.getByTestId("ai-key-status").textContent()).toBe("not set");

    await page.getByLabel("Base URL").fill("https://llm.example/v1");
    await page.getByLabel("Model").fill("gpt-4o-mini");
    await page.getByLabel("New API key").fill("sk-browser-secret");
    await page.getByRole("button", { name: "Save AI endpoint" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await page.getByTestId("ai-key-status").filter({ hasText: /^set$/ }).waitFor();
    expect(await page.getByLabel("New API key").inputValue()).toBe("");

    const toggle = page.getByRole("switch", { name: "Allow private addresses in HTTP nodes" });
    expect(await toggle.getAttribute("aria-checked")).toBe("false");
    await toggle.click();
    await page.getByTestId("private-status").filter({ hasText: "Allowed" }).waitFor();

    await page.getByLabel("Name", { exact: true }).fill("brand");
    await page.getByLabel("Value", { exact: true }).fill("Acme Tea");
    await page.getByRole("button", { name: "Add global" }).click();
    await page.locator('[data-testid="flow-global-row"][data-name="brand"]').waitFor();

    await page.reload();
    expect(await page.getByLabel("Base URL").inputValue()).toBe("https://llm.example/v1");
    expect(await page.getByLabel("Model").inputValue()).toBe("gpt-4o-mini");
    expect(await page.getByTestId("ai-key-status").textContent()).toBe("set");
    expect(await page.getByLabel("New API key").inputValue()).toBe("");
    expect(await page.content()).not.toContain("sk-browser-secret");
    expect(await page.getByRole("switch", { name: "Allow private addresses in HTTP nodes" }).getAttribute("aria-checked")).toBe("true");
    const row = page.locator('[data-testid="flow-global-row"][data-name="brand"]');
    expect(await row.getByText("{{globals.brand}}").isVisible()).toBe(true);
    expect(await row.getByLabel("Value of brand").inputValue()).toBe("Acme Tea");

    // An agent sees the same settings, without anything to change them with.
    const ownerApi = new HttpClient(baseUrl);
    await ownerApi.signIn(email, PASSWORD);
    const agentAccount = await addMemberViaInvitation({ client: ownerApi, email, orgSlug: slug, userId: "" }, "agent");
    const agent = await newPage(browser);
    await signInInBrowser(agent.page, baseUrl, agentAccount.email);
    await agent.page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await agent.page.goto(`${baseUrl}/${slug}/settings/flows`);
    await agent.page.getByRole("heading", { name: "Flows" }).first().waitFor();
    expect(await agent.page.getByLabel("Base URL").inputValue()).toBe("https://llm.example/v1");
    expect(await agent.page.getByText("Acme Tea").isVisible()).toBe(true);
    expect(await agent.page.getByRole("button", { name: "Save AI endpoint" }).count()).toBe(0);
    expect(await agent.page.getByRole("button", { name: "Add global" }).count()).toBe(0);
    expect(await agent.page.getByRole("switch", { name: "Allow private addresses in HTTP nodes" }).isDisabled()).toBe(true);
    await owner.context.close();
    await agent.context.close();
  });
});
