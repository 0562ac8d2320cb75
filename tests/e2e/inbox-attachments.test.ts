import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { browserAvailable, launchBrowser } from "../support/browser";
import { newPage, signInInBrowser } from "../support/browser-session";
import { addMemberViaInvitation, signUpOwner, type SignedUp } from "../support/http-client";
import { EXE, PDF, PNG } from "../support/media-bytes";

/**
 * File upload from the inbox over HTTP, against the production server and its sandbox Graph API: the bytes decide
 * the message kind, Meta's rules decide what is refused (422, nothing stored), the file is uploaded by the Graph
 * client and sent by media id, and the customer's sandbox phone receives it.
 */
let baseUrl: string;
let owner: SignedUp;
let viewer: SignedUp;
let stranger: SignedUp;
let channelId: string;
let phoneSeq = 0;

const org = (p = "") => `/api/v1/orgs/${owner.orgSlug}${p}`;
type Item = { kind: string; id: string; type: string; direction: string; status: string; content: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function newConversation(): Promise<{ id: string; phone: string }> {
  const phone = `55119877${String(Date.now() % 10000).padStart(4, "0")}${++phoneSeq}`;
  const sent = await owner.client.post(org(`/sandbox/${channelId}/customer-messages`), {
    customer: { name: `Upload ${phoneSeq}`, phone: `+${phone}` },
    message: { type: "text", body: "Manda o arquivo" },
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await owner.client.get<{ conversations: { id: string }[] }>(org(`/conversations?q=${phone}`));
    if (list.body.conversations?.[0]) return { id: list.body.conversations[0].id, phone };
    if (Date.now() > deadline) throw new Error("the sandbox customer's message never made a conversation");
    await new Promise((r) => setTimeout(r, 100));
  }
}

function form(bytes: Uint8Array, name: string, type: string, extra: Record<string, string> = {}) {
  const f = new FormData();
  f.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
}

async function outbound(conversationId: string): Promise<Item[]> {
  const res = await owner.client.get<{ items: Item[] }>(org(`/conversations/${conversationId}/timeline`));
  return res.body.items.filter((i) => i.kind === "message" && i.direction === "outbound");
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Inbox Upload");
  viewer = await addMemberViaInvitation(owner, "viewer");
  stranger = await signUpOwner(baseUrl, "Upload Stranger");
  const channel = await owner.client.post<{ channel: { id: string } }>(org("/channels"), { provider: "sandbox", name: "Upload", displayPhoneNumber: "+5511912340000" });
  expect(channel.status).toBe(201);
  channelId = channel.body.channel.id;
}, 120_000);

describe("POST …/conversations/{id}/attachments", () => {
  it("uploads a PNG: 201, an image message by media id, sent, and on the customer's phone; the same key is not sent twice", async () => {
    const c = await newConversation();
    const path = org(`/conversations/${c.id}/attachments`);
    const res = await owner.client.post<{ message: Item }>(path, form(PNG, "photo.png", "image/png", { caption: "Seu comprovante", idempotencyKey: "upload-test-0001" }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.message).toMatchObject({ type: "image", direction: "outbound", content: { type: "image", caption: "Seu comprovante", media: { id: expect.stringMatching(/^\d{15,20}$/) } } });
    const mediaId = res.body.message.content.media.id as string;

    const again = await owner.client.post<{ message: Item }>(path, form(PNG, "photo.png", "image/png", { caption: "Seu comprovante", idempotencyKey: "upload-test-0001" }));
    expect(again.status).toBe(200);
    expect(again.body.message.id).toBe(res.body.message.id);
    expect(await outbound(c.id)).toHaveLength(1);

    // The durable send goes through the sandbox Graph API by media id; the customer's phone shows the image.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const chat = await owner.client.get<{ messages: Item[] }>(org(`/sandbox/${channelId}/chat?phone=${c.phone}`));
      const got = chat.body.messages.find((m) => m.direction === "outbound");
      if (got && got.status !== "queued") {
        expect(got).toMatchObject({ type: "image", content: { media: { id: mediaId }, caption: "Seu comprovante" } });
        expect(["sent", "delivered", "read"]).toContain(got.status);
        break;
      }
      if (Date.now() > deadline) throw new Error(`the image never left: ${JSON.stringify(got)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  it("a PDF becomes a document with its file name", async () => {
    const c = await newConversation();
    const res = await owner.client.post<{ message: Item }>(org(`/conversations/${c.id}/attachments`), form(PDF, "fatura.pdf", "application/pdf"));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.message.content).toMatchObject({ type: "document", filename: "fatura.pdf", media: { id: expect.any(String) } });
  });

  it("an .exe renamed to .png is refused by its bytes: 422 and nothing stored", async () => {
    const c = await newConversation();
    const res = await owner.client.post<{ error: { code: string; message: string } }>(org(`/conversations/${c.id}/attachments`), form(EXE, "photo.png", "image/png"));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.message).toMatch(/not allowed/);
    expect(await outbound(c.id)).toHaveLength(0);
    const chat = await owner.client.get<{ messages: Item[] }>(org(`/sandbox/${channelId}/chat?phone=${c.phone}`));
    expect(chat.body.messages.filter((m) => m.direction === "outbound")).toHaveLength(0);
  });

  it("no file: 422; a viewer: 403; another organization: 404 — nothing stored", async () => {
    const c = await newConversation();
    const path = org(`/conversations/${c.id}/attachments`);
    const empty = new FormData();
    empty.set("caption", "no file");
    expect((await owner.client.post(path, empty)).status).toBe(422);
    const asViewer = await viewer.client.post(path, form(PNG, "a.png", "image/png"));
    expect(asViewer.status).toBe(403);
    expect(asViewer.body).toMatchObject({ error: { code: "forbidden" } });
    expect((await stranger.client.post(path, form(PNG, "a.png", "image/png"))).status).toBe(404);
    expect((await stranger.client.post(`/api/v1/orgs/${stranger.orgSlug}/conversations/${c.id}/attachments`, form(PNG, "a.png", "image/png"))).status).toBe(404);
    expect(await outbound(c.id)).toHaveLength(0);
  });
});

describe.skipIf(!browserAvailable())("the composer's file picker", () => {
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it("uploads from the device: a refused file says why in its bubble, a PNG goes out as an image", async () => {
    const c = await newConversation();
    browser = await launchBrowser();
    const { page } = await newPage(browser);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signInInBrowser(page, baseUrl, owner.email);
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    await page.goto(`${baseUrl}/${owner.orgSlug}/inbox?c=${c.id}`);
    const bubble = (p: Page, text: string) => p.getByTestId("timeline-message").filter({ hasText: text });
    await bubble(page, "Manda o arquivo").waitFor();

    const attach = async (name: string, bytes: Uint8Array, mimeType: string, caption: string) => {
      await page.getByRole("button", { name: "Attach a file" }).click();
      const form = page.getByTestId("attach-form");
      await form.getByLabel("From this device").check();
      await form.getByLabel("File to send").setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
      await form.getByLabel("Caption (optional)").fill(caption);
      await form.getByRole("button", { name: "Send file" }).click();
    };

    await attach("photo.png", EXE, "image/png", "Falso comprovante");
    const refused = bubble(page, "Falso comprovante");
    await expect.poll(() => refused.getAttribute("data-status")).toBe("failed");
    expect(await refused.getByTestId("failure-client").textContent()).toMatch(/not allowed/);

    await attach("recibo.png", PNG, "image/png", "Recibo do pedido");
    const sent = bubble(page, "Recibo do pedido");
    await expect.poll(() => sent.getAttribute("data-status"), { timeout: 20_000 }).toMatch(/^(sent|delivered|read)$/);
    const items = await outbound(c.id);
    expect(items).toHaveLength(1);
    expect(items[0].content).toMatchObject({ type: "image", caption: "Recibo do pedido", media: { id: expect.any(String) } });
    expect(errors).toEqual([]);
  }, 90_000);
});
