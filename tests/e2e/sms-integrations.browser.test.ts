import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";

const run = browserAvailable();

describe.skipIf(!run)("Settings → SMS gateway and Integrations in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("saves the SMS gateway with a write-only secret, showing the API's errors next to their fields", async () => {
    const { page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Sms Gateway Co");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "SMS gateway" }).click();
    await page.waitForURL(new RegExp(`/${slug}/settings/sms-gateway$`));
    expect(await page.getByTestId("sms-secret-status").textContent()).toBe("not set");

    // A header line without a colon is caught before sending; a URL that is not http(s) comes back from the API.
    await page.getByLabel("Headers").fill("no colon here");
    await page.getByRole("button", { name: "Save gateway" }).click();
    await page.getByText("Line 1 is not Name: value").waitFor();
    await page.getByLabel("Headers").fill("content-type: application/json\nauthorization: Bearer {secret}");
    await page.getByLabel("URL").fill("ftp://sms.example.com/send");
    await page.getByRole("button", { name: "Save gateway" }).click();
    await page.locator("#sms-url-error").filter({ hasText: "http(s)" }).waitFor();

    await page.getByLabel("URL").fill("https://sms.example.com/send?to={to}");
    await page.getByLabel("Secret", { exact: true }).fill("sms-browser-secret");
    await page.getByRole("button", { name: "Save gateway" }).click();
    await page.getByRole("status").filter({ hasText: "Gateway saved" }).waitFor();
    await page.getByTestId("sms-secret-status").filter({ hasText: /^set$/ }).waitFor();

    await page.reload();
    expect(await page.getByLabel("URL").inputValue()).toBe("https://sms.example.com/send?to={to}");
    expect(await page.getByLabel("Headers").inputValue()).toContain("authorization: Bearer {secret}");
    expect(await page.getByTestId("sms-secret-status").textContent()).toBe("set");
    expect(await page.content()).not.toContain("sms-browser-secret");
  });

  it("adds a connection (headers hidden once saved), refuses a taken name, deletes it", async () => {
    const { page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Integrations Co");
    await page.goto(`${baseUrl}/${slug}/settings/integrations`);
    await page.getByText("No connections yet.").waitFor();

    const add = async (name: string) => {
      await page.getByLabel("Name", { exact: true }).fill(name);
      await page.getByLabel("Base URL").fill("https://erp.example.com/api");
      await page.getByLabel("Headers").fill("Authorization: Bearer erp-browser-secret");
      await page.getByRole("button", { name: "Add connection" }).click();
    };
    await add("erp");
    await page.getByText("Headers: Authorization (values hidden)").waitFor();
    await add("erp");
    await page.locator("#connection-name-error").filter({ hasText: "This name is taken" }).waitFor();

    await page.reload();
    expect(await page.content()).not.toContain("erp-browser-secret");
    await page.getByRole("button", { name: "Delete the connection erp" }).click();
    await page.getByText("No connections yet.").waitFor();
  });
});
