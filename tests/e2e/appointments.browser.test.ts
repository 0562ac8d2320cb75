import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signUpInBrowser } from "../support/browser-session";
import { findOverlaps, horizontalOverflow } from "../support/layout-check";

const run = browserAvailable();

type ChatMessage = { direction: string; type: string; waMessageId: string | null; content: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!run)("the appointments page", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  async function expectTidy(page: Page, where: string) {
    expect(await findOverlaps(page), `${where}: overlapping controls`).toEqual([]);
    expect(await horizontalOverflow(page), `${where}: sideways scroll`).toBeLessThanOrEqual(0);
  }

  it("books an appointment for the sandbox customer, the confirmation reaches the phone, Confirm there shows on the page", async () => {
    const { context, page } = await newPage(browser, "en-US");
    const { slug } = await signUpInBrowser(page, baseUrl, "Clinica Agenda");
    const api = `${baseUrl}/api/v1/orgs/${slug}`;
    const created = await page.request.post(`${api}/channels`, { data: { provider: "sandbox", name: "Recepção", displayPhoneNumber: "+15550004444" } });
    expect(created.status()).toBe(201);
    const { channel } = await created.json();
    const customer = { name: "Ana Souza", phone: "+55 11 98765-0044" };
    const chat = async () => ((await (await page.request.get(`${api}/sandbox/${channel.id}/chat?phone=5511987650044`)).json()) as { messages: ChatMessage[] }).messages;
    const wrote = await page.request.post(`${api}/sandbox/${channel.id}/customer-messages`, { data: { customer, message: { type: "text", body: "Oi, quero marcar" } } });
    expect(wrote.status()).toBe(201);
    // The sandbox number's approved appointment template (a positional one) is the confirmation request here.
    expect((await page.request.post(`${api}/channels/${channel.id}/templates/sync`)).ok()).toBe(true);
    await expect.poll(async () => ((await (await page.request.get(`${api}/templates`)).json()).templates ?? []).some((t: { name: string }) => t.name === "appointment_reminder"), { timeout: 30_000 }).toBe(true);
    const saved = await page.request.put(`${api}/appointments/settings`, {
      data: { reminderOffsetsMinutes: [1440, 120], confirmationTemplate: { name: "appointment_reminder", language: "pt_BR" }, reminderTemplate: { name: "appointment_reminder", language: "pt_BR" }, rescheduleFlowId: null, sendConfirmation: true },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    await page.goto(`${baseUrl}/${slug}/appointments`);
    await page.getByText("No appointments match these filters.").waitFor();
    await expectTidy(page, "appointments at 1280 px");
    await page.getByRole("button", { name: "New appointment" }).click();
    await page.getByLabel("Customer's WhatsApp number").fill(customer.phone);
    await page.getByLabel("Date and time").fill(`${new Date().getFullYear() + 1}-01-15T14:30`);
    await page.getByLabel("Service").fill("Consulta");
    await page.getByRole("button", { name: "Book" }).click();
    const item = page.getByTestId("appointment").filter({ hasText: "Consulta" });
    await item.getByTestId("appointment-status").filter({ hasText: "Scheduled" }).waitFor();
    const appointmentId = await item.getAttribute("data-appointment-id");

    // The confirmation request arrives on the customer's phone, with Papo's payload on its quick replies.
    const isConfirmation = (m: ChatMessage) => m.direction === "outbound" && m.type === "template" && !!m.waMessageId;
    await expect.poll(async () => (await chat()).some(isConfirmation), { timeout: 30_000 }).toBe(true);
    const confirmation = (await chat()).find(isConfirmation)!;
    const payload = (confirmation.content.components as { type: string; index: string; parameters: { payload?: string }[] }[]).find((c) => c.type === "button" && c.index === "0")!.parameters[0].payload;
    expect(payload).toBe(`appt:${appointmentId}:1:confirm`);

    // The customer taps Confirmar (the sandbox posts it through the signed webhook, as Meta would).
    const tapped = await page.request.post(`${api}/sandbox/${channel.id}/customer-messages`, {
      data: { customer, message: { type: "button_reply", contextId: confirmation.waMessageId, id: payload, title: "Confirmar" } },
    });
    expect(tapped.status(), await tapped.text()).toBe(201);
    await expect.poll(async () => (await chat()).some((m) => m.direction === "outbound" && m.type === "text" && /confirmed|confirmado/.test(JSON.stringify(m.content))), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("appointment").filter({ hasText: "Consulta" }).getByTestId("appointment-status").textContent();
      }, { timeout: 30_000 })
      .toBe("Confirmed");

    // In Portuguese, at a phone's width and a desktop's: nothing overlaps, nothing scrolls sideways.
    expect((await page.request.patch(`${baseUrl}/api/v1/me`, { data: { locale: "pt-BR" } })).status()).toBe(200);
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(`${baseUrl}/${slug}/appointments`);
      await page.getByTestId("appointment-status").filter({ hasText: "Confirmado" }).waitFor();
      await expectTidy(page, `agendamentos a ${width} px`);
    }
    await context.close();
  });
});
