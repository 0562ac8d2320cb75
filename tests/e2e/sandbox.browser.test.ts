import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser, signUpInBrowser } from "../support/browser-session";
import { addMemberViaInvitation, signUpOwner } from "../support/http-client";

const run = browserAvailable();

type ChatMessage = { direction: string; type: string; conversationId: string; waMessageId: string; status: string; content: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An attribute of the first match, or null while there is none (never waits: expect.poll does the waiting). */
const attr = (l: Locator, name: string) => l.first().getAttribute(name, { timeout: 500 }).catch(() => null);

describe.skipIf(!run)("the sandbox phone", () => {
  let browser: Browser;
  const baseUrl = inject("baseUrl");
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("a viewer reads the sandbox chats but gets no composer (sandbox.simulate); an agent gets one", async () => {
    const owner = await signUpOwner(baseUrl, "Sandbox Roles");
    const created = await owner.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
      provider: "sandbox",
      name: "Roles Sandbox",
      displayPhoneNumber: "+15550003333",
    });
    expect(created.status).toBe(201);
    for (const role of ["viewer", "agent"] as const) {
      const member = await addMemberViaInvitation(owner, role);
      const { context, page } = await newPage(browser);
      await signInInBrowser(page, baseUrl, member.email);
      await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
      await page.goto(`${baseUrl}/sandbox/${created.body.channel.id}`);
      await page.getByLabel("Customer name").fill("Mariana Souza");
      await page.getByLabel("Customer phone").fill("+55 11 98765-0009");
      await page.getByRole("button", { name: "Add customer" }).click();
      await expect.poll(() => page.getByText("Mariana Souza").count(), { timeout: 20_000 }).toBeGreaterThan(0);
      const composer = await page.getByLabel("Type a message").count();
      const note = await page.getByText("Viewers can read these chats but not write as a customer.").count();
      expect({ role, composer, note }).toEqual(role === "viewer" ? { role, composer: 0, note: 1 } : { role, composer: 1, note: 0 });
      await context.close();
    }
  });

  it("round trip: the customer types → stored through the signed webhook → the org's reply appears with its ticks", async () => {
    const { context, page } = await newPage(browser);
    const { slug } = await signUpInBrowser(page, baseUrl, "Sandbox Co");
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const created = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/channels`, {
      data: { provider: "sandbox", name: "Loja Sandbox", displayPhoneNumber: "+15550001111" },
    });
    expect(created.status()).toBe(201);
    const { channel } = await created.json();
    expect(channel).toMatchObject({ hasAccessToken: true, hasAppSecret: true });

    // The channel page links to the phone.
    await page.goto(`${baseUrl}/${slug}/settings/channels/${channel.id}`);
    await page.getByRole("link", { name: "Open sandbox phone" }).click();
    await page.waitForURL(new RegExp(`/sandbox/${channel.id}$`));

    await page.getByLabel("Customer name").fill("Mariana Souza");
    await page.getByLabel("Customer phone").fill("+55 11 98765-0001");
    await page.getByRole("button", { name: "Add customer" }).click();
    await page.getByLabel("Type a message").fill("Olá, tudo bem?");
    await page.getByRole("button", { name: "Send", exact: true }).click();

    // Stored by the webhook pipeline: the phone shows it delivered (✓✓) once it is a message row.
    const mine = page.getByTestId("sandbox-message").filter({ hasText: "Olá, tudo bem?" });
    await expect.poll(() => attr(mine, "data-status"), { timeout: 15_000 }).toBe("received");
    expect(await mine.first().getAttribute("data-direction")).toBe("inbound");
    expect(await mine.getByTestId("ticks").getAttribute("aria-label")).toBe("Delivered");

    const chatUrl = `${baseUrl}/api/v1/orgs/${slug}/sandbox/${channel.id}/chat?phone=5511987650001`;
    const chat = async () => ((await (await page.request.get(chatUrl)).json()) as { messages: ChatMessage[] }).messages;
    const inbound = (await chat()).find((m) => m.direction === "inbound" && m.content.text?.body === "Olá, tudo bem?");
    expect(inbound).toMatchObject({ type: "text", status: "received", content: { from: "5511987650001" } });
    expect(inbound!.waMessageId).toMatch(/^wamid\./);

    // It went through the signed webhook: the organization's event log has the webhook event.
    const events = await (await page.request.get(`${baseUrl}/api/v1/orgs/${slug}/events`)).json();
    expect(JSON.stringify(events)).toContain("papo/webhook.received");

    // The organization replies (API, as the inbox will); the phone shows it within seconds, then ✓ → ✓✓ → blue ✓✓.
    const reply = await page.request.post(`${baseUrl}/api/v1/orgs/${slug}/conversations/${inbound!.conversationId}/messages`, {
      data: { text: "Oi Mariana! Tudo ótimo, e você?" },
    });
    expect(reply.status()).toBe(201);
    const theirs = page.getByTestId("sandbox-message").filter({ hasText: "Oi Mariana! Tudo ótimo, e você?" });
    await expect.poll(() => attr(theirs, "data-direction"), { timeout: 10_000 }).toBe("outbound");
    await expect.poll(() => attr(theirs, "data-status"), { timeout: 10_000 }).toBe("read");
    expect(await theirs.getByTestId("ticks").getAttribute("aria-label")).toBe("Read");
    const stored = (await chat()).find((m) => m.direction === "outbound");
    expect(stored).toMatchObject({ status: "read", conversationId: inbound!.conversationId });

    // The customer reacts to the reply and shares a location: both stored as Meta-shaped inbound messages.
    await theirs.getByRole("button", { name: "React", exact: true }).click();
    await theirs.getByRole("button", { name: "React with 👍" }).click();
    await page.getByRole("button", { name: "Send location" }).click();
    // …and a photo: stored by the sandbox, announced by media id like Meta does.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    await page.getByTestId("sandbox-file").setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: png });
    await expect.poll(async () => (await chat()).filter((m) => m.direction === "inbound").map((m) => m.type).sort(), { timeout: 15_000 }).toEqual([
      "image",
      "location",
      "reaction",
      "text",
    ]);
    const image = (await chat()).find((m) => m.type === "image")!;
    expect(image.content.image).toMatchObject({ mime_type: "image/png", id: expect.stringMatching(/^\d{16}$/) });
    const reaction = (await chat()).find((m) => m.type === "reaction")!;
    expect(reaction.content.reaction).toEqual({ message_id: stored!.waMessageId, emoji: "👍" });
    await expect.poll(() => theirs.getByLabel("👍").count(), { timeout: 5_000 }).toBe(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("a non-member gets the not-found page; a signed-out visitor is sent to sign in", async () => {
    const b = await signUpOwner(baseUrl, "Phone Owner Org");
    const created = await b.client.post<{ channel: { id: string } }>(`/api/v1/orgs/${b.orgSlug}/channels`, {
      provider: "sandbox",
      name: "B's sandbox",
      displayPhoneNumber: "+5511900000001",
    });
    expect(created.status).toBe(201);
    const channelId = created.body.channel.id;

    const anonymous = await newPage(browser);
    await anonymous.page.goto(`${baseUrl}/sandbox/${channelId}`);
    await anonymous.page.waitForURL(/\/sign-in\?callbackUrl=/);
    await anonymous.context.close();

    const { context, page } = await newPage(browser);
    await signUpInBrowser(page, baseUrl, "Not A Member");
    for (const id of [channelId, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await page.goto(`${baseUrl}/sandbox/${id}`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole("heading", { name: "Page not found" }).isVisible()).toBe(true);
      expect(await page.getByText("B's sandbox").count()).toBe(0);
    }
    const api = await page.request.post(`${baseUrl}/api/v1/orgs/${b.orgSlug}/sandbox/${channelId}/customer-messages`, {
      data: { customer: { name: "X", phone: "+5511987650009" }, message: { type: "text", body: "hi" } },
    });
    expect(api.status()).toBe(404);
    await context.close();
  });
});
