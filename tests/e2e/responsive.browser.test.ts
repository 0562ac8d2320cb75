import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { signInInBrowser } from "../support/browser-session";
import { signUpOwner, type SignedUp } from "../support/http-client";
import { clippedLabels, findOverlaps, horizontalOverflow } from "../support/layout-check";

// Every screen at a phone's width (390 px), a tablet's (1024 px) and a desktop's (1440 px), in English and in
// Portuguese (longer labels): no two interactive elements overlap and no page scrolls sideways. The inbox is used
// the way an operator on a phone uses it: list → conversation → reply → contact → back. Set PAPO_SHOTS_DIR to
// keep a screenshot of each screen.
const run = browserAvailable();
const shotsDir = process.env.PAPO_SHOTS_DIR;

type Locale = "en" | "pt-BR";
const WIDTHS = [390, 1024, 1440] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 390: 844, 1024: 768, 1440: 900 };
const box = async (l: Locator) => (await l.boundingBox())!;

describe.skipIf(!run)("layout at every size, in English and Portuguese", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  let owner: SignedUp;
  let channelId: string;
  let flowId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Padaria Responsiva");
    const channel = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, { provider: "sandbox", name: "Loja Centro", displayPhoneNumber: "+15550003333" });
    expect(channel.status).toBe(201);
    channelId = channel.body.channel.id;
    const customer = { name: "Mariana Souza Albuquerque", phone: "+55 11 98765-2002" };
    const sent = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/sandbox/${channelId}/customer-messages`, { customer, message: { type: "text", body: "Olá, preciso da segunda via da minha fatura" } });
    expect(sent.status).toBe(201);
    const flow = await owner.client.post<{ flow: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/flows`, { name: "Atendimento" });
    expect(flow.status).toBe(201);
    flowId = flow.body.flow.id;
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });

  async function openAs(locale: Locale, width: (typeof WIDTHS)[number]): Promise<{ page: Page; errors: string[] }> {
    expect((await owner.client.patch(`/api/v1/me`, { locale })).status).toBe(200);
    const context = await browser.newContext({ locale: "en-US", viewport: { width, height: HEIGHT[width] } });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await signInInBrowser(page, baseUrl, owner.email);
    // Signing in opens the overview of an organization that has a number (not Settings → Organization).
    await page.waitForURL(new RegExp(`/${owner.orgSlug}/overview$`));
    return { page, errors };
  }

  async function expectTidy(page: Page, where: string) {
    expect(await findOverlaps(page), `${where}: overlapping controls`).toEqual([]);
    expect(await horizontalOverflow(page), `${where}: sideways scroll`).toBeLessThanOrEqual(0);
  }

  async function shot(page: Page, name: string) {
    if (!shotsDir) return;
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  }

  const composerBox = (page: Page) => page.getByTestId("composer").locator("textarea");
  const row = (page: Page) => page.getByTestId("conversation-row").filter({ hasText: "Mariana Souza Albuquerque" });

  for (const locale of ["en", "pt-BR"] as const) {
    for (const width of WIDTHS) {
      it(`inbox at ${width} px in ${locale}: list → conversation → reply → contact → back, nothing overlapping`, async () => {
        const { page, errors } = await openAs(locale, width);
        await page.goto(`${baseUrl}/${owner.orgSlug}/inbox`);
        const t = locale === "en" ? { back: "Back to conversations", contact: "Contact details", backToChat: "Back to the conversation", menu: "Open menu" } : { back: "Voltar às conversas", contact: "Dados do contato", backToChat: "Voltar à conversa", menu: "Abrir menu" };
        await row(page).waitFor();
        await expect.poll(() => page.getByTestId("filter-all").innerText()).toMatch(/\d/);
        // One number per tab: "All 1", never "All 1 1".
        expect((await page.getByTestId("filter-all").innerText()).match(/\d+/g)).toHaveLength(1);
        expect(await clippedLabels(page, '[data-testid="inbox-list-pane"] select, [role="tab"]'), "clipped filter labels").toEqual([]);
        await expectTidy(page, `inbox list ${width} ${locale}`);
        // The list pane stays inside the window (it spilled over the conversation in Portuguese).
        const list = await box(page.getByTestId("inbox-list-pane"));
        expect(list.x + list.width).toBeLessThanOrEqual(width);
        if (width < 768) {
          expect(await page.getByRole("button", { name: t.menu }).isVisible()).toBe(true);
          expect(await page.getByRole("navigation", { name: locale === "en" ? "Main" : "Principal" }).count()).toBe(0);
        }
        await shot(page, `inbox-list-${width}-${locale}`);

        await row(page).click();
        await expect.poll(() => page.getByTestId("conversation-title").textContent()).toBe("Mariana Souza Albuquerque");
        if (width < 768) expect(await page.getByTestId("inbox-list-pane").isVisible()).toBe(false);
        else expect(await page.getByTestId("inbox-list-pane").isVisible()).toBe(true);
        if (width === 1440) {
          // The header is one row at a desktop width: every action sits beside the name, not under it.
          const title = await box(page.getByTestId("conversation-title"));
          const actions = await box(page.getByTestId("conversation-actions"));
          expect(actions.y).toBeLessThan(title.y + title.height);
          expect(actions.x).toBeGreaterThan(title.x);
          await page.getByTestId("contact-panel").waitFor(); // beside the conversation, once the contact has loaded
        }
        const reply = `Resposta ${locale} ${width}`;
        await composerBox(page).fill(reply);
        await composerBox(page).press("Enter");
        await page.getByTestId("timeline-message").filter({ hasText: reply }).waitFor();
        // Times follow the person's language, not the browser's (this browser is en-US): "15:45" in Portuguese.
        const clock = await page.getByTestId("timeline-message").filter({ hasText: reply }).locator("time").innerText();
        if (locale === "pt-BR") expect(clock).toMatch(/^\d{2}:\d{2}$/);
        else expect(clock).toMatch(/AM|PM/);
        if (width === 1440) {
          // Near WhatsApp's 4,096-character limit a counter shows; past it the reply is refused with the reason,
          // and the text is kept whole (it used to be cut to 4,096 without a word).
          await composerBox(page).fill("a".repeat(3_800));
          expect(await page.getByTestId("composer-counter").innerText()).toMatch(/3[.,]?800/);
          expect(await page.getByTestId("composer-too-long").count()).toBe(0);
          await composerBox(page).fill("a".repeat(5_000));
          expect(await page.getByTestId("composer-too-long").innerText()).toMatch(/4[.,]?096/);
          expect((await composerBox(page).inputValue()).length).toBe(5_000);
          await composerBox(page).press("Enter");
          expect((await composerBox(page).inputValue()).length).toBe(5_000);
          await composerBox(page).fill("");
        }
        await expectTidy(page, `conversation ${width} ${locale}`);
        await shot(page, `inbox-conversation-${width}-${locale}`);

        if (width < 1280) {
          // The contact is a screen of its own where it does not fit beside the conversation.
          expect(await page.getByTestId("contact-panel").isVisible()).toBe(false);
          await page.getByRole("button", { name: t.contact }).click();
          await page.getByTestId("contact-panel").waitFor();
          await expectTidy(page, `contact ${width} ${locale}`);
          await shot(page, `inbox-contact-${width}-${locale}`);
          await page.getByRole("button", { name: t.backToChat }).click();
          await page.getByTestId("composer").waitFor();
        } else {
          await shot(page, `inbox-contact-${width}-${locale}`);
        }

        if (width < 768) {
          await page.getByRole("button", { name: t.back }).click();
          await row(page).waitFor();
          expect(new URL(page.url()).searchParams.get("c")).toBeNull();
        }
        expect(errors).toEqual([]);
      }, 150_000);

      if (width !== 1024) {
        it(`contacts list, detail, import and consent settings at ${width} px in ${locale}`, async () => {
          const { page, errors } = await openAs(locale, width);
          const found = await owner.client.get<{ contacts: { id: string }[] }>(`/api/v1/orgs/${owner.orgSlug}/contacts?q=Mariana`);
          expect(found.status).toBe(200);
          const contactId = found.body.contacts[0].id;
          const screens = [
            ["contacts", `/contacts`, () => page.getByRole("row").filter({ hasText: "Mariana Souza Albuquerque" }).waitFor()],
            ["contact", `/contacts/${contactId}`, () => page.locator("h1").filter({ hasText: "Mariana Souza Albuquerque" }).waitFor()],
            ["contacts-import", `/contacts/import`, () => page.locator("h1").first().waitFor()],
            ["settings-consent", `/settings/consent`, () => page.locator("textarea").first().waitFor()],
          ] as const;
          for (const [name, url, ready] of screens) {
            await page.goto(`${baseUrl}/${owner.orgSlug}${url}`);
            await ready();
            await expectTidy(page, `${name} ${width} ${locale}`);
            await shot(page, `${name}-${width}-${locale}`);
          }
          expect(errors).toEqual([]);
        }, 150_000);
      }

      it(`overview, agents and flows reports at ${width} px in ${locale}`, async () => {
        const { page, errors } = await openAs(locale, width);
        await page.getByTestId("series-conversations-chart").locator("svg").first().waitFor();
        await expectTidy(page, `overview ${width} ${locale}`);
        await shot(page, `overview-${width}-${locale}`);
        for (const report of ["agents", "flows"] as const) {
          await page.goto(`${baseUrl}/${owner.orgSlug}/overview/${report}`);
          await page.getByTestId(`${report}-report`).waitFor();
          await expectTidy(page, `${report} report ${width} ${locale}`);
        }
        expect(errors).toEqual([]);
      }, 150_000);

      it(`flow editor and settings at ${width} px in ${locale}`, async () => {
        const { page, errors } = await openAs(locale, width);
        await page.goto(`${baseUrl}/${owner.orgSlug}/flows/${flowId}`);
        await page.getByTestId("flow-node-start").waitFor();
        await expectTidy(page, `editor ${width} ${locale}`);
        const canvas = await box(page.getByTestId("flow-canvas"));
        // The canvas gets the room: most of a tablet's width (it was ~250 px at 1024).
        if (width >= 1024) expect(canvas.width).toBeGreaterThanOrEqual(400);
        // The minimap is off on a canvas this small, and the controls can show it.
        if (canvas.width < 900) {
          expect(await page.locator(".react-flow__minimap").count()).toBe(0);
          await page.getByTestId("minimap-toggle").click();
          await page.locator(".react-flow__minimap").waitFor();
          await page.getByTestId("minimap-toggle").click();
          await expect.poll(() => page.locator(".react-flow__minimap").count()).toBe(0);
        }
        // The palette narrows to icons below xl and widens on request (labels then read in full).
        const palette = page.getByTestId("node-palette");
        const narrow = (await box(palette)).width;
        if (width < 1280) {
          expect(narrow).toBeLessThan(80);
          await page.getByTestId("palette-toggle").click();
          await expect.poll(async () => (await box(palette)).width).toBeGreaterThan(150);
          expect(await clippedLabels(page, '[data-testid="node-palette"] button')).toEqual([]);
          await page.getByTestId("palette-toggle").click();
          await expect.poll(async () => (await box(palette)).width).toBeLessThan(80);
        }
        await shot(page, `editor-${width}-${locale}`);

        for (const section of ["organization", "members", "channels", "flows", "runs"]) {
          await page.goto(`${baseUrl}/${owner.orgSlug}/settings/${section}`);
          await page.locator("h1").first().waitFor();
          await expectTidy(page, `settings/${section} ${width} ${locale}`);
        }
        await shot(page, `settings-runs-${width}-${locale}`);
        if (width < 768) {
          // The sidebar opens as a sheet from the top bar and closes once a link is followed.
          await page.getByRole("button", { name: locale === "en" ? "Open menu" : "Abrir menu" }).click();
          const sheet = page.getByTestId("mobile-nav-sheet");
          await sheet.getByRole("link", { name: locale === "en" ? "Flows" : "Fluxos" }).click();
          await page.waitForURL(new RegExp(`/${owner.orgSlug}/flows$`));
          await expect.poll(() => sheet.count()).toBe(0);
        }
        expect(errors).toEqual([]);
      }, 150_000); // six pages and a sign-in: generous for a busy machine
    }
  }

  it("the app is installable: a manifest with icons, a favicon and a touch icon", async () => {
    const manifest = await fetch(`${baseUrl}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    const body = (await manifest.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
    expect(body).toMatchObject({ start_url: "/", display: "standalone" });
    expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of body.icons) {
      const res = await fetch(new URL(icon.src, baseUrl));
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\//);
    }
    for (const p of ["/favicon.ico", "/apple-icon.png", "/icon.svg"]) expect((await fetch(`${baseUrl}${p}`)).status, p).toBe(200);
    // Every page links them (the missing favicon was a console error on every page).
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect(await page.locator('meta[name="theme-color"]').getAttribute("content")).toBe("#128c4a");
  });

  it("the overlap checker sees overlapping controls and ignores clipped and nested ones", async () => {
    const context = await browser.newContext({ viewport: { width: 400, height: 300 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.setContent(`
      <button id="a" style="position:absolute;left:10px;top:10px;width:100px;height:30px">A</button>
      <button id="b" style="position:absolute;left:80px;top:20px;width:100px;height:30px">B</button>
      <div style="position:absolute;left:10px;top:100px;width:100px;height:40px;overflow:hidden">
        <button style="display:block;height:40px">C</button><button style="display:block;height:40px">hidden below</button>
      </div>
      <button style="position:absolute;left:10px;top:142px;width:100px;height:30px">D</button>
      <a href="#" style="position:absolute;left:200px;top:100px;display:block;width:100px;height:40px"><button>E</button></a>
      <span style="position:absolute;left:200px;top:110px;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)"><button>sr</button></span>`);
    const overlaps = await findOverlaps(page);
    expect(overlaps).toHaveLength(1);
    expect([overlaps[0].a, overlaps[0].b].join(" ")).toMatch(/"A".*"B"/);
    await page.setContent(`<div style="width:800px;height:10px"></div>`);
    expect(await horizontalOverflow(page)).toBeGreaterThan(0);
  });
});
