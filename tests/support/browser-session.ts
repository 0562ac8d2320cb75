import { expect } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PASSWORD, uniqueEmail } from "./http-client";

export async function newPage(browser: Browser, locale = "en-US"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs up through the real form; resolves once the new organization's page has loaded. */
export async function signUpInBrowser(page: Page, baseUrl: string, orgName: string) {
  const email = uniqueEmail("browser");
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel("Name", { exact: true }).fill("Browser Owner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organization name").fill(orgName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/[a-z0-9-]+\/settings\/organization$/);
  const slug = new URL(page.url()).pathname.split("/")[1];
  expect(slug).toMatch(/^[a-z0-9-]+$/);
  return { email, slug };
}

export async function signInInBrowser(page: Page, baseUrl: string, email: string, password = PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
