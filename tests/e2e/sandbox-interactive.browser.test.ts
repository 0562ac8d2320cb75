import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";

const run = browserAvailable();

type ChatMessage = { direction: string; type: string; conversationId: string; waMessageId: string | null; status: string; content: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!run)("the sandbox phone: reply buttons and lists", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("the customer taps a reply button and picks a list row → stored as Meta's button_reply / list_reply, tied to the right message", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Interactive Co");
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const created = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/channels`, {
      data: { provider: "sandbox", name: "Loja Botões", displayPhoneNumber: "+15550002222" },
    });
    expect(created.status()).toBe(201);
    const { channel } = await created.json();
    const chatUrl = `${baseUrl}/api/v1/orgs/${slug}/sandbox/${channel.id}/chat?phone=5511987650002`;
    const chat = async () => ((await (await page.request.get(chatUrl)).json()) as { messages: ChatMessage[] }).messages;

    // The customer writes first (the 24-hour window opens), through the phone page.
    await page.goto(`${baseUrl}/sandbox/${channel.id}`);
    await page.getByLabel("Customer name").fill("João Lima");
    await page.getByLabel("Customer phone").fill("+55 11 98765-0002");
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByLabel("Type a message").fill("Quero agendar");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(async () => (await chat()).some((m) => m.direction === "inbound"), { timeout: 15_000 }).toBe(true);
    const conversationId = (await chat()).find((m) => m.direction === "inbound")!.conversationId;

    // The business answers with reply buttons and a list, through the API that queues outbound messages.
    const send = (message: unknown) => page.request.post(`${baseUrl}/api/v1/orgs/${slug}/conversations/${conversationId}/messages`, { data: { message } });
    const buttons = await send({
      type: "buttons",
      body: "Confirma o pedido #1042?",
      footer: "Loja Botões",
      buttons: [
        { id: "confirm-yes", title: "Sim, confirmo" },
        { id: "confirm-no", title: "Não" },
      ],
    });
    expect(buttons.status(), await buttons.text()).toBe(201);
    const list = await send({
      type: "list",
      header: "Horários",
      body: "Escolha um horário para a entrega",
      button: "Ver horários",
      sections: [
        { title: "Amanhã", rows: [{ id: "slot-09", title: "09:00", description: "Manhã" }, { id: "slot-14", title: "14:00", description: "Tarde" }] },
        { title: "Sábado", rows: [{ id: "slot-sat-10", title: "10:00" }] },
      ],
    });
    expect(list.status(), await list.text()).toBe(201);

    // Both arrive on the phone once Meta (the sandbox Graph API) accepted them: only then do they have a wamid to reply to.
    const buttonsBubble = page.getByTestId("sandbox-message").filter({ hasText: "Confirma o pedido #1042?" });
    const tapNo = buttonsBubble.getByRole("button", { name: "Não", exact: true });
    await expect.poll(() => tapNo.isEnabled().catch(() => false), { timeout: 15_000 }).toBe(true);
    await tapNo.click();

    const listBubble = page.getByTestId("sandbox-message").filter({ hasText: "Escolha um horário para a entrega" });
    const open = listBubble.getByRole("button", { name: "Ver horários" });
    await expect.poll(() => open.isEnabled().catch(() => false), { timeout: 15_000 }).toBe(true);
    await open.click();
    await listBubble.getByRole("button", { name: /14:00/ }).click();

    // Stored by the webhook pipeline as Meta's interactive replies, each in reply to (context) the message tapped.
    const outbound = await chat();
    const buttonsWamid = outbound.find((m) => m.direction === "outbound" && m.content.type === "buttons")!.waMessageId;
    const listWamid = outbound.find((m) => m.direction === "outbound" && m.content.type === "list")!.waMessageId;
    expect(buttonsWamid).toMatch(/^wamid\./);
    expect(listWamid).toMatch(/^wamid\./);
    const replies = async () => (await chat()).filter((m) => m.direction === "inbound" && m.type === "interactive");
    await expect.poll(async () => (await replies()).length, { timeout: 15_000 }).toBe(2);
    const [buttonReply, listReply] = await Promise.all([
      replies().then((r) => r.find((m) => m.content.interactive?.type === "button_reply")),
      replies().then((r) => r.find((m) => m.content.interactive?.type === "list_reply")),
    ]);
    expect(buttonReply).toMatchObject({
      conversationId,
      status: "received",
      content: { from: "5511987650002", context: { id: buttonsWamid }, interactive: { type: "button_reply", button_reply: { id: "confirm-no", title: "Não" } } },
    });
    expect(listReply).toMatchObject({
      conversationId,
      content: { context: { id: listWamid }, interactive: { type: "list_reply", list_reply: { id: "slot-14", title: "14:00", description: "Tarde" } } },
    });
    expect(buttonReply!.waMessageId).toMatch(/^wamid\./);

    // The phone shows the customer's choices as their own (right-hand) bubbles.
    for (const title of ["Não", "14:00"]) {
      const mine = page.locator('[data-testid="sandbox-message"][data-direction="inbound"]').filter({ hasText: title });
      await expect.poll(() => mine.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
