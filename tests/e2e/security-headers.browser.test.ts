import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { createApiKey, signUpOwner, type SignedUp } from "../support/http-client";

const run = browserAvailable();
const baseUrl = () => inject("baseUrl");

/** Collects what the page's Content-Security-Policy blocked and every console error or uncaught exception. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (m) => {
    // A failed load is reported with its address below.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  return problems;
}

describe("security headers and the Origin check (issue #10 §4)", () => {
  let owner: SignedUp;
  beforeAll(async () => {
    owner = await signUpOwner(baseUrl(), "Headers");
  });

  it("pages carry a nonce-based CSP and the other security headers; API responses the static ones", async () => {
    const page = await fetch(`${baseUrl()}/sign-in`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    // Every script tag of the page carries that nonce; none runs without it.
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("permissions-policy")).toContain("camera=()");
    // http here: no HSTS (it is sent only when PAPO_PUBLIC_URL is https).
    expect(page.headers.get("strict-transport-security")).toBeNull();

    // A fresh nonce for every page view.
    const again = await fetch(`${baseUrl()}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);

    const api = await fetch(`${baseUrl()}/api/health`);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("x-frame-options")).toBe("DENY");
  });

  it("cookie-authenticated writes from a foreign Origin are refused; same origin and API keys pass", async () => {
    const path = `/api/v1/orgs/${owner.orgSlug}/tags`;
    // The classic CSRF: a form on another site posting text/plain with the member's cookie.
    const forged = await owner.client.request("POST", path, JSON.stringify({ name: "forged" }), {
      "content-type": "text/plain",
      origin: "https://evil.example",
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: "forbidden" } });
    const viaFetchMetadata = await owner.client.request("POST", path, { name: "forged-2" }, { "sec-fetch-site": "cross-site" });
    expect(viaFetchMetadata.status).toBe(403);
    const nullOrigin = await owner.client.request("PATCH", `/api/v1/orgs/${owner.orgSlug}`, { name: "Forged" }, { origin: "null" });
    expect(nullOrigin.status).toBe(403);
    // Nothing was written.
    const tags = await owner.client.get<{ tags: { name: string }[] }>(path);
    expect(tags.body.tags.map((t) => t.name)).not.toContain("forged");
    expect(tags.body.tags.map((t) => t.name)).not.toContain("forged-2");

    // Reads are not state-changing: allowed from anywhere the cookie goes (CORS keeps the answer from the page).
    expect((await owner.client.request("GET", path, undefined, { origin: "https://evil.example" })).status).toBe(200);
    // Papo's own pages.
    const same = await owner.client.request("POST", path, { name: "same-origin" }, { origin: baseUrl(), "sec-fetch-site": "same-origin" });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
    // An API key is not sent by browsers on their own: no Origin rule.
    const key = await createApiKey(owner, "admin");
    const scripted = await owner.client.withApiKey(key).request("POST", path, { name: "by-key" }, { origin: "https://elsewhere.example" });
    expect(scripted.status, JSON.stringify(scripted.body)).toBe(201);
    // Person-level writes (no organization) are checked too.
    const profile = await owner.client.request("PATCH", "/api/v1/me", { name: "Forged" }, { origin: "https://evil.example" });
    expect(profile.status).toBe(403);
  });

  describe.skipIf(!run)("in the browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it("the main pages run under the CSP with no violation and no console error", async () => {
      const { context, page } = await newPage(browser);
      const problems = await watch(page);
      await page.goto(`${baseUrl()}/sign-up`);
      const { slug } = await signUpInBrowser(page, baseUrl(), "CSP Check");
      const channel = await page.request.post(`${baseUrl()}/api/v1/orgs/${slug}/channels`, {
        data: { provider: "sandbox", name: "CSP Sandbox", displayPhoneNumber: "+15550002222" },
      });
      expect(channel.status()).toBe(201);
      const channelId = (await channel.json()).channel.id as string;
      const flow = await page.request.post(`${baseUrl()}/api/v1/orgs/${slug}/flows`, { data: { name: "CSP Flow" } });
      expect(flow.status()).toBe(201);
      const flowId = (await flow.json()).flow.id as string;

      for (const path of [`/${slug}/inbox`, `/${slug}/flows`, `/${slug}/flows/${flowId}`, `/${slug}/settings/channels/${channelId}`, `/${slug}/settings/members`, `/sandbox/${channelId}`]) {
        const response = await page.goto(`${baseUrl()}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(response?.headers()["content-security-policy"], path).toMatch(/'nonce-/);
        await page.waitForLoadState("networkidle").catch(() => {});
      }
      // The flow canvas rendered (React Flow needs its inline styles) and the inbox's socket connected.
      await page.goto(`${baseUrl()}/${slug}/flows/${flowId}`);
      await expect.poll(() => page.locator(".react-flow__node").count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.goto(`${baseUrl()}/${slug}/inbox`);
      await page.waitForLoadState("networkidle").catch(() => {});
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
