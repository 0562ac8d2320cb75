import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGraphClient } from "@/lib/whatsapp/graph/graph-client";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";

const TOKEN = "EAAG-unit";
let mock: GraphMock;
const client = (timeoutMs = 2_000, baseUrl = mock.url) =>
  createGraphClient({ baseUrl, version: "v24.0", phoneNumberId: "118293746501928", wabaId: "104857392018274", accessToken: TOKEN, timeoutMs });
const to = { to: "+5511987650001" };
const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(GraphApiError);
  return e as GraphApiError;
};

beforeAll(async () => {
  mock = await startGraphMock({ accessToken: TOKEN });
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

describe("Graph client against the mock", () => {
  it("sends and returns the wamid", async () => {
    const r = await client().sendText(to, { body: "oi", previewUrl: true }, { callbackData: "papo:msg:x" });
    expect(r.waMessageId).toBe(mock.messages[0].wamid);
    expect(r.waId).toBe("5511987650001");
    expect(mock.calls[0]).toMatchObject({ method: "POST", path: "/v24.0/118293746501928/messages", authorization: `Bearer ${TOKEN}` });
  });

  it("checks limits before any call", async () => {
    await expect(client().sendButtons(to, { body: "b", buttons: [1, 2, 3, 4].map((n) => ({ id: `${n}`, title: `${n}` })) })).rejects.toThrow(/at most 3 reply buttons/);
    expect(mock.calls).toHaveLength(0);
  });

  it("turns Meta errors into typed errors", async () => {
    mock.fail({ metaError: 131047 });
    const e = await failureOf(client().sendText(to, { body: "late" }));
    expect(e).toMatchObject({ httpStatus: 400, code: 131047, title: "Re-engagement message", retry: "never" });
    expect(e.details).toMatch(/24 hours/);
    expect(e.fbtraceId).toBeTruthy();
    mock.fail({ metaError: 130429 });
    expect(await failureOf(client().sendText(to, { body: "fast" }))).toMatchObject({ code: 130429, retry: "safe", retryAfterMs: expect.any(Number) });
    mock.fail({ status: 503 });
    expect((await failureOf(client().sendText(to, { body: "5xx" }))).retry).toBe("ambiguous");
  });

  it("a dropped connection and a timeout are ambiguous; a refused connection is safe", async () => {
    mock.fail({ drop: true });
    expect((await failureOf(client().sendText(to, { body: "drop" }))).retry).toBe("ambiguous");
    mock.fail({ hang: true });
    const timedOut = await failureOf(client(150).sendText(to, { body: "hang" }));
    expect(timedOut).toMatchObject({ retry: "ambiguous", title: "The Graph API did not answer in time" });
    mock.fail({ delayMs: 50 });
    expect((await client().sendText(to, { body: "slow" })).waMessageId).toMatch(/^wamid\./);
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await failureOf(client(1000, `http://127.0.0.1:${port}`).sendText(to, { body: "nobody" }));
    expect(refused.retry).toBe("safe");
  });

  it("marks as read with the typing indicator (Meta's request body)", async () => {
    await client().markRead("wamid.HBgNNTUxMTk4NzY1MDAwMRUCABIYFDNB0RkE2MTAxQUE2QjNDAA==", { typingIndicator: true });
    const fixture = JSON.parse(fs.readFileSync("/work/shared/meta/payloads/mark_read_with_typing_indicator_request.json", "utf8"));
    expect(mock.calls[0].body).toEqual(fixture);
  });

  it("uploads, describes and downloads media", async () => {
    const data = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const { id } = await client().uploadMedia({ data, mimeType: "image/jpeg", filename: "a.jpg" });
    const info = await client().getMedia(id);
    expect(info).toMatchObject({ id, mime_type: "image/jpeg", file_size: "6" });
    const down = await client().downloadMedia(id);
    expect(Array.from(down.data)).toEqual(Array.from(data));
    expect(mock.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("lists templates across pages", async () => {
    mock.templates = Array.from({ length: 5 }, (_, i) => ({ id: `${i}`, name: `t_${i}`, language: "pt_BR", status: "APPROVED", category: "UTILITY" }));
    const all = await client().listTemplates({ pageSize: 2 });
    expect(all.map((t) => t.name)).toEqual(["t_0", "t_1", "t_2", "t_3", "t_4"]);
    expect(mock.calls).toHaveLength(3);
    expect(mock.calls[0].path).toContain("/v24.0/104857392018274/message_templates?fields=");
  });
});
