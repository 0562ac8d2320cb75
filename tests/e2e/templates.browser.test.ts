import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { addMemberViaInvitation, PASSWORD, signUpOwner, type SignedUp } from "../support/http-client";

const run = browserAvailable();

describe.skipIf(!run)("Settings → Templates", () => {
  let browser: Browser;
  let owner: SignedUp;
  let channelId: string;
  let orderUpdateId: string;
  const baseUrl = inject("baseUrl");
  const templatesUrl = () => `${baseUrl}/${owner.orgSlug}/settings/templates`;

  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await signUpOwner(baseUrl, "Modelos Co");
    const created = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
      provider: "sandbox",
      name: "Loja Modelos",
      displayPhoneNumber: "+15550003333",
    });
    expect(created.status).toBe(201);
    channelId = created.body.channel.id;
  });
  afterAll(async () => browser?.close());

  async function signedIn(email: string, locale?: string): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
    const { context, page } = await newPage(browser, locale);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    if (locale === "pt-BR") {
      await page.goto(`${baseUrl}/sign-in`);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Senha").fill(PASSWORD);
      await page.getByRole("button", { name: "Entrar" }).click();
    } else {
      await signInInBrowser(page, baseUrl, email);
    }
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    return { page, close: () => context.close(), errors };
  }

  const row = (page: Page, name: string) => page.getByTestId("template-row").and(page.locator(`[data-template="${name}"]`));

  it("the owner syncs the sandbox number's templates, sees them listed, and previews one with values", async () => {
    const { page, close, errors } = await signedIn(owner.email);
    await page.goto(`${baseUrl}/${owner.orgSlug}/settings/organization`);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Templates" }).click();
    await page.waitForURL(/\/settings\/templates$/);
    await expect.poll(() => page.getByRole("heading", { name: "Templates", level: 1 }).isVisible()).toBe(true);
    const card = page.getByRole("region", { name: "Loja Modelos" });
    expect(await card.getByText("No templates synced for this number yet.", { exact: false }).isVisible()).toBe(true);

    await card.getByRole("button", { name: /Sync now/ }).click();
    await expect.poll(() => card.getByRole("status").textContent().catch(() => null)).toMatch(/Sync requested/);
    // The sync runs as a durable function against the sandbox Graph API; the page refreshes until the rows appear.
    await expect.poll(() => card.getByTestId("template-row").count(), { timeout: 20_000 }).toBe(4);
    const cells = async (name: string) => (await row(page, name).locator("td").allTextContents()).map((s) => s.trim());
    expect((await cells("order_update")).slice(0, 5)).toEqual(["order_update", "pt_BR", "Utility", "Approved", "High"]);
    expect((await cells("welcome_offer")).slice(0, 5)).toEqual(["welcome_offer", "en_US", "Marketing", "Approved", "Medium"]);
    expect((await cells("seasonal_sale")).slice(3, 4)).toEqual(["Rejected"]);
    expect((await cells("order_update"))[5]).toMatch(/\d/); // last synced

    // The detail view: the preview (placeholders visible), the components, then values typed in.
    await row(page, "order_update").getByRole("link", { name: "order_update" }).click();
    await page.waitForURL(/\/settings\/templates\/[0-9a-f-]{36}$/);
    orderUpdateId = page.url().split("/").pop()!;
    const preview = page.locator('[data-slot="template-preview"]');
    await expect.poll(() => preview.locator('[data-slot="template-header"]').textContent()).toBe("Pedido {{1}}");
    expect(await preview.locator('[data-slot="template-body"]').textContent()).toBe("Olá {{1}}, seu pedido {{2}} saiu para entrega e chega até {{3}}.");
    expect(await preview.locator('[data-slot="template-footer"]').textContent()).toBe("Loja Papo");
    expect((await preview.locator('[data-slot="template-button"]').allTextContents()).map((s) => s.trim())).toEqual([
      "Acompanharhttps://papo.example/pedidos/{{1}}",
      "Falar com atendente",
    ]);
    expect(await page.getByTestId("template-component").evaluateAll((els) => els.map((e) => e.getAttribute("data-component")))).toEqual([
      "header",
      "body",
      "footer",
      "buttons",
    ]);
    expect(await page.getByText("A send carries 5 parameters", { exact: false }).isVisible()).toBe(true);

    await page.getByLabel("header {{1}}").fill("#1042");
    await page.getByLabel("body {{1}}").fill("Mariana");
    await page.getByLabel("body {{3}}").fill("sexta-feira");
    await page.getByLabel("button 0 (url)").fill("1042");
    await expect.poll(() => preview.locator('[data-slot="template-header"]').textContent()).toBe("Pedido #1042");
    expect(await preview.locator('[data-slot="template-body"]').textContent()).toBe("Olá Mariana, seu pedido {{2}} saiu para entrega e chega até sexta-feira.");
    expect(await preview.locator('[data-slot="template-placeholder"]').allTextContents()).toEqual(["{{2}}"]);
    expect(await preview.locator('[data-slot="template-button"]').first().textContent()).toContain("https://papo.example/pedidos/1042");

    // A named template with a media header and a coupon button.
    await page.getByRole("link", { name: "All templates" }).click();
    await row(page, "welcome_offer").getByRole("link", { name: "welcome_offer" }).click();
    await expect.poll(() => preview.locator('[data-slot="template-header"]').textContent()).toBe("Image");
    await page.getByLabel("body {{first_name}}").fill("Ana");
    await page.getByLabel("button 0 (copy_code)").fill("PAPO15");
    await expect.poll(() => preview.locator('[data-slot="template-body"]').textContent()).toBe("Hi Ana! Enjoy {{discount}} off your next order with code {{code}}.");
    expect(await preview.locator('[data-button-type="copy_code"]').textContent()).toBe("Copy codePAPO15");
    expect(errors).toEqual([]);
    await close();
  });

  it("a synced template sent to a sandbox customer goes out through the sandbox and shows filled in on the phone", async () => {
    const { page, close, errors } = await signedIn(owner.email);
    const customer = { name: "Mariana", phone: "+5511987650003" };
    const sent = await owner.client.post<{ message: { waMessageId: string } }>(`/api/v1/orgs/${owner.orgSlug}/sandbox/${channelId}/customer-messages`, {
      customer,
      message: { type: "text", body: "Cadê meu pedido?" },
    });
    expect(sent.status).toBe(201);
    const chatPath = `/api/v1/orgs/${owner.orgSlug}/sandbox/${channelId}/chat?phone=5511987650003`;
    type Msg = { direction: string; type: string; conversationId: string; status: string; template?: { name: string } | null };
    const chat = async () => (await owner.client.get<{ messages: Msg[] }>(chatPath)).body.messages;
    await expect.poll(async () => (await chat()).length, { timeout: 15_000 }).toBe(1);
    const [{ conversationId }] = await chat();

    const reply = await owner.client.post(`/api/v1/orgs/${owner.orgSlug}/conversations/${conversationId}/messages`, {
      message: {
        type: "template",
        name: "order_update",
        language: "pt_BR",
        components: [
          { type: "header", parameters: [{ type: "text", text: "#1042" }] },
          { type: "body", parameters: ["Mariana", "#1042", "sexta-feira"].map((text) => ({ type: "text", text })) },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "1042" }] },
        ],
      },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    // Accepted by the sandbox Graph API, then sent → delivered → read by its status webhooks.
    await expect.poll(async () => (await chat()).find((m) => m.direction === "outbound")?.status, { timeout: 15_000 }).toBe("read");
    expect((await chat()).find((m) => m.direction === "outbound")).toMatchObject({ type: "template", template: { name: "order_update" } });

    await page.goto(`${baseUrl}/sandbox/${channelId}`);
    await page.getByRole("button", { name: /Mariana/ }).first().click();
    const bubble = page.locator('[data-testid="sandbox-message"][data-direction="outbound"]');
    const preview = bubble.locator('[data-slot="template-preview"]');
    await expect.poll(() => preview.locator('[data-slot="template-header"]').textContent().catch(() => null), { timeout: 10_000 }).toBe("Pedido #1042");
    expect(await preview.locator('[data-slot="template-body"]').textContent()).toBe("Olá Mariana, seu pedido #1042 saiu para entrega e chega até sexta-feira.");
    expect(await preview.locator('[data-slot="template-button"]').first().textContent()).toContain("https://papo.example/pedidos/1042");
    expect(errors).toEqual([]);
    await close();
  });

  it("in Portuguese (pt-BR)", async () => {
    const { page, close, errors } = await signedIn(owner.email, "pt-BR");
    await page.goto(templatesUrl());
    expect(await page.getByRole("heading", { name: "Modelos de mensagem", level: 1 }).isVisible()).toBe(true);
    const card = page.getByRole("region", { name: "Loja Modelos" });
    expect(await card.getByRole("button", { name: /Sincronizar agora/ }).isVisible()).toBe(true);
    expect(await card.getByRole("columnheader", { name: "Idioma" }).isVisible()).toBe(true);
    expect((await row(page, "order_update").locator("td").allTextContents()).slice(2, 5)).toEqual(["Utilidade", "Aprovado", "Alta"]);
    await page.goto(`${templatesUrl()}/${orderUpdateId}`);
    expect(await page.getByText("Prévia", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Cabeçalho", { exact: false }).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it("an agent sees the templates but cannot sync them; another organization gets 404", async () => {
    const agent = await addMemberViaInvitation(owner, "agent");
    const { page, close } = await signedIn(agent.email);
    await page.goto(templatesUrl());
    const card = page.getByRole("region", { name: "Loja Modelos" });
    await expect.poll(() => card.getByTestId("template-row").count()).toBe(4);
    expect(await page.getByRole("button", { name: /Sync now/ }).count()).toBe(0);
    expect((await agent.client.post(`/api/v1/orgs/${owner.orgSlug}/channels/${channelId}/templates/sync`, {})).status).toBe(403);
    const one = await agent.client.get<{ template: { name: string; parameters: string[] } }>(`/api/v1/orgs/${owner.orgSlug}/templates/${orderUpdateId}`);
    expect(one.status).toBe(200);
    expect(one.body.template).toMatchObject({ name: "order_update", parameters: ["header {{1}}", "body {{1}}", "body {{2}}", "body {{3}}", "button 0 (url)"] });
    await close();

    const stranger = await signUpOwner(baseUrl, "Stranger Co");
    expect((await stranger.client.get(`/api/v1/orgs/${owner.orgSlug}/templates/${orderUpdateId}`)).status).toBe(404);
    expect((await stranger.client.get(`/api/v1/orgs/${stranger.orgSlug}/templates/${orderUpdateId}`)).status).toBe(404);
    const asStranger = await signedIn(stranger.email);
    const res = await asStranger.page.goto(`${baseUrl}/${stranger.orgSlug}/settings/templates/${orderUpdateId}`);
    expect(res?.status()).toBe(404);
    await asStranger.close();
  });
});
