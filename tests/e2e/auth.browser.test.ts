import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser, signUpInBrowser } from "../support/browser-session";
import { HttpClient, PASSWORD } from "../support/http-client";

const run = browserAvailable();

describe.skipIf(!run)("sign-up, sign-out and sign-in in the browser", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("sign-up lands in the new organization; sign-out and sign-in bring the person back", async () => {
    const { context, page } = await newPage(browser);
    const { email, slug } = await signUpInBrowser(page, baseUrl, "Padaria Browser");
    await expect.poll(() => page.getByRole("heading", { name: "Organization", level: 1 }).isVisible()).toBe(true);
    // The name shows in the visible shell (the phone top bar holds a hidden copy at this width).
    expect(await page.locator("text=Padaria Browser >> visible=true").first().isVisible()).toBe(true);
    // The organization exists for this person, as the API sees it too.
    const me = await page.request.get(`${baseUrl}/api/v1/me`);
    expect((await me.json()).organizations.map((o: { slug: string }) => o.slug)).toContain(slug);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    expect((await page.request.get(`${baseUrl}/api/v1/me`)).status()).toBe(401);

    await signInInBrowser(page, baseUrl, email, "wrong password");
    // The refusal runs bcrypt and the sign-in throttle: wait for the message itself (a slow machine takes seconds).
    await page.getByRole("alert").filter({ hasText: /incorrect|invalid|wrong/i }).waitFor();

    await signInInBrowser(page, baseUrl, email);
    await page.waitForURL(new RegExp(`/${slug}(/settings/organization)?$`));
    await context.close();
  });

  it("sign-up with an address that already has an account reveals nothing and changes nothing", async () => {
    const owner = new HttpClient(baseUrl);
    const email = `taken-${Date.now()}@example.test`;
    expect((await owner.post("/api/v1/signup", { name: "First", email, password: PASSWORD, organizationName: "First Shop" })).status).toBe(202);
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel("Name", { exact: true }).fill("Second");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another password 123");
    await page.getByLabel("Organization name").fill("Second Shop");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("alert").filter({ hasText: /If you already have an account, sign in/ }).waitFor();
    // The account is untouched: its own password still signs in, and it has no second organization.
    await signInInBrowser(page, baseUrl, email);
    await page.waitForURL(/\/settings\/organization$/);
    const me = await (await page.request.get(`${baseUrl}/api/v1/me`)).json();
    expect(me.user.name).toBe("First");
    expect(me.organizations.map((o: { name: string }) => o.name)).toEqual(["First Shop"]);
    await context.close();
  });

  it("changing the password on the profile page signs out the person's other browsers", async () => {
    const { context, page } = await newPage(browser);
    const { email, slug } = await signUpInBrowser(page, baseUrl, "Password Shop");
    const elsewhere = new HttpClient(baseUrl);
    await elsewhere.signIn(email, PASSWORD);
    expect((await elsewhere.get("/api/v1/me")).status).toBe(200);

    await page.goto(`${baseUrl}/${slug}/settings/profile`);
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill("a fresh password 456");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password was changed. Other sessions were signed out.").waitFor();
    expect((await elsewhere.get("/api/v1/me")).status).toBe(401);
    // This browser stays signed in.
    expect((await page.request.get(`${baseUrl}/api/v1/me`)).status()).toBe(200);
    await context.close();
  });

  it("a signed-out visit to an organization page goes to sign-in", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/some-org/settings/members`);
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    await context.close();
  });

  it("the interface follows the browser's language, and the person's own setting wins", async () => {
    const owner = new HttpClient(baseUrl);
    const email = `pt-${Date.now()}@example.test`;
    await owner.post("/api/v1/signup", { name: "Ana", email, password: PASSWORD, organizationName: "Loja Ana" });

    const { context, page } = await newPage(browser, "pt-BR");
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.getByRole("button", { name: "Entrar" }).isVisible()).toBe(true);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill(PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(/\/settings\/organization$/);
    expect(await page.getByRole("heading", { name: "Organização", level: 1 }).isVisible()).toBe(true);

    // Her own setting (English) wins over the browser's Portuguese.
    const res = await page.request.patch(`${baseUrl}/api/v1/me`, { data: { locale: "en" } });
    expect(res.status()).toBe(200);
    await page.reload();
    expect(await page.getByRole("heading", { name: "Organization", level: 1 }).isVisible()).toBe(true);
    await context.close();
  });
});
