import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { createApiKey, HttpClient, PASSWORD, signUpOwner, uniqueEmail } from "../support/http-client";
import { startServersOnOneDatabase, type ServerPair } from "../support/start-server";

/**
 * The public API platform over real HTTP (issue #16, Public API): the OpenAPI document, the offline reference page
 * in Chromium, and the rate limits across two server processes on one database.
 */
const baseUrl = () => inject("baseUrl");

describe("OpenAPI document and reference page", () => {
  it("GET /api/v1/openapi.json is an OpenAPI 3.1 document of the v1 routes", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/orgs/{orgSlug}/tags"].post.requestBody).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(100);
  });

  it.runIf(browserAvailable())("/docs/api renders the reference from this origin only, without console errors, linked from Settings → API keys", async () => {
    const browser: Browser = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      const origin = new URL(baseUrl()).origin;
      const foreign: string[] = [];
      const problems: string[] = [];
      page.on("request", (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
      });
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));

      const { slug } = await signUpInBrowser(page, baseUrl(), "Docs");
      await page.goto(`${baseUrl()}/${slug}/settings/api-keys`);
      const link = page.getByRole("link", { name: "API reference" });
      expect(await link.getAttribute("href")).toBe("/docs/api");

      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${baseUrl()}/docs/api`);
        await page.getByText("Papo API").first().waitFor({ timeout: 30_000 });
        // The first operation of the first tag: Scalar folds the other tags and renders far sections lazily.
        await page.getByText("This OpenAPI document").first().waitFor({ state: "attached", timeout: 30_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `sideways scroll at ${width}px`).toBeLessThanOrEqual(0);
      }
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe("rate limits across two processes", () => {
  let pair: ServerPair;
  let urls: string[];
  beforeAll(async () => {
    pair = await startServersOnOneDatabase({ env: { PAPO_RATE_LIMIT_PUBLIC: "4", PAPO_RATE_LIMIT_API_KEY: "5" } });
    urls = pair.urls;
  }, 240_000);
  afterAll(async () => pair?.stop());
  const server = (i: number) => urls[i % urls.length];

  it("an API key gets 429 with Retry-After and RateLimit-* headers past its limit, counted across both servers", async () => {
    const owner = await signUpOwner(server(0), "Limits");
    const token = await createApiKey(owner, "viewer");
    const answers: Response[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(await fetch(`${server(i)}/api/v1/orgs/${owner.orgSlug}/tags`, { headers: { authorization: `Bearer ${token}` } }));
    }
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[0].headers.get("ratelimit-limit")).toBe("5");
    expect(answers[0].headers.get("ratelimit-remaining")).toBe("4");
    const limited = answers[5];
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });

  it("unauthenticated routes are limited per address, across both servers: sign-up and webhook verification", async () => {
    // The owner above used one sign-up of this address's four.
    const signups: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await new HttpClient(server(i)).post("/api/v1/signup", { name: "Nina Limit", email: uniqueEmail("limit"), password: PASSWORD, organizationName: "Nina Co" });
      signups.push(res.status);
    }
    expect(signups).toEqual([202, 202, 202, 429]);

    const verify: Response[] = [];
    for (let i = 0; i < 5; i++) verify.push(await fetch(`${server(i)}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`));
    expect(verify.map((r) => r.status)).toEqual([403, 403, 403, 403, 429]);
    expect(verify[4].headers.get("retry-after")).toBeTruthy();
    expect(verify[4].headers.get("ratelimit-limit")).toBe("4");
  });
});
