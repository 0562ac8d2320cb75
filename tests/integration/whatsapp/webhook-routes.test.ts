import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEvents } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { badSignatureCounter } from "@/lib/whatsapp/bad-signature-counter";
import { MAX_WEBHOOK_BYTES } from "@/lib/http/read-limited-body";
import { GET as getShared } from "@/app/api/webhooks/whatsapp/route";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createOrgWithChannel, fixture, getChannelHandshake, postShared, postToChannel, sign, type TestChannel } from "./helpers";

let db: TestDatabase;
let ch: TestChannel;
const rowsOf = (channelId: string) => getDb().select().from(webhookEvents).where(eq(webhookEvents.channelId, channelId));

beforeAll(async () => {
  db = await createTestDatabase();
  ch = await createOrgWithChannel("routes");
});
afterAll(async () => {
  delete process.env.META_APP_SECRET;
  delete process.env.META_WEBHOOK_VERIFY_TOKEN;
  resetEnvForTests();
  await db?.drop();
});

describe("GET /api/webhooks/whatsapp/{channelId}: the subscription handshake", () => {
  it("echoes the challenge as plain text for subscribe + the channel's verify token", async () => {
    const res = await getChannelHandshake(ch.channelId, `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(ch.verifyToken)}&hub.challenge=1158201444`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("1158201444");
  });

  it("403 for a wrong token, a wrong mode, a missing challenge or an unknown channel", async () => {
    const token = encodeURIComponent(ch.verifyToken);
    expect((await getChannelHandshake(ch.channelId, `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status).toBe(403);
    expect((await getChannelHandshake(ch.channelId, `hub.mode=unsubscribe&hub.verify_token=${token}&hub.challenge=1`)).status).toBe(403);
    expect((await getChannelHandshake(ch.channelId, `hub.mode=subscribe&hub.verify_token=${token}`)).status).toBe(403);
    expect((await getChannelHandshake(randomUUID(), `hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1`)).status).toBe(403);
  });
});

describe("POST /api/webhooks/whatsapp/{channelId}", () => {
  it("stores the exact bytes with the headers that matter, and answers 200", async () => {
    const body = fixture("inbound_text.json", ch.phoneNumberId, ch.wabaId);
    const res = await postToChannel(ch.channelId, body, { "user-agent": "facebookexternalua" });
    expect(res.status).toBe(200);
    const [row] = (await rowsOf(ch.channelId)).filter((r) => r.status !== "rejected");
    expect(Buffer.from(row.rawBody).toString("utf8")).toBe(body);
    expect(row).toMatchObject({ organizationId: ch.organizationId, channelId: ch.channelId, signatureValid: true, status: "received" });
    expect(row.headers).toMatchObject({ "x-hub-signature-256": sign(body), "user-agent": "facebookexternalua" });
    expect(row.headers).not.toHaveProperty("cookie");
  });

  it("401 for a bad or missing signature: nothing stored, a counter and a log line", async () => {
    const before = (await rowsOf(ch.channelId)).length;
    const count = badSignatureCounter.total;
    const body = fixture("inbound_text.json", ch.phoneNumberId);
    expect((await postToChannel(ch.channelId, body, { "x-hub-signature-256": null })).status).toBe(401);
    expect((await postToChannel(ch.channelId, body, { "x-hub-signature-256": sign(body, "another-secret") })).status).toBe(401);
    expect((await postToChannel(ch.channelId, body, { "x-hub-signature-256": "sha256=zz" })).status).toBe(401);
    // Signed over a re-serialisation instead of the raw bytes: still refused.
    expect((await postToChannel(ch.channelId, body, { "x-hub-signature-256": sign(JSON.stringify(JSON.parse(body))) })).status).toBe(401);
    expect(badSignatureCounter.total).toBe(count + 4);
    expect(badSignatureCounter.byChannel.get(`channel ${ch.channelId}`)).toBeGreaterThanOrEqual(4);
    expect((await rowsOf(ch.channelId)).length).toBe(before);
  });

  it("413 for a body over 3 MiB, with or without Content-Length; nothing stored", async () => {
    const before = (await rowsOf(ch.channelId)).length;
    const big = "x".repeat(MAX_WEBHOOK_BYTES + 1);
    expect((await postToChannel(ch.channelId, big)).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(1024 * 1024));
        c.close();
      },
    });
    const { POST } = await import("@/app/api/webhooks/whatsapp/[channelId]/route");
    const chunked = new Request(`http://localhost/api/webhooks/whatsapp/${ch.channelId}`, {
      method: "POST",
      body: stream,
      headers: { "x-hub-signature-256": sign("whatever") },
      duplex: "half",
    } as RequestInit);
    expect((await POST(chunked, { params: Promise.resolve({ channelId: ch.channelId }) })).status).toBe(413);
    expect((await rowsOf(ch.channelId)).length).toBe(before);
  });

  it("a body of exactly 3 MiB is not refused for its size", async () => {
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(MAX_WEBHOOK_BYTES - 60) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES);
    expect((await postToChannel(ch.channelId, body)).status).toBe(200);
  });

  it("malformed JSON with a valid signature is stored as rejected and answered 400", async () => {
    const body = '{"object":"whatsapp_business_account","entry":[';
    const res = await postToChannel(ch.channelId, body);
    expect(res.status).toBe(400);
    const rejected = (await rowsOf(ch.channelId)).filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(Buffer.from(rejected[0].rawBody).toString()).toBe(body);
    expect(rejected[0].error).toMatch(/Malformed JSON/);
    expect(rejected[0].signatureValid).toBe(true);
  });

  it("404 for an unknown channel (a random UUID or not a UUID at all)", async () => {
    const body = fixture("inbound_text.json");
    expect((await postToChannel(randomUUID(), body)).status).toBe(404);
    expect((await postToChannel("not-a-uuid", body)).status).toBe(404);
  });
});

describe("the shared endpoint without configuration", () => {
  it("POST is 404 and GET is 403 when META_APP_SECRET / META_WEBHOOK_VERIFY_TOKEN are not set", async () => {
    delete process.env.META_APP_SECRET;
    resetEnvForTests();
    expect((await postShared(fixture("inbound_text.json"), "anything")).status).toBe(404);
    expect((await getShared(new Request("http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1"))).status).toBe(403);
  });

  it("handshake and signature with the configured values", async () => {
    process.env.META_APP_SECRET = "sharedsecret0123456789";
    process.env.META_WEBHOOK_VERIFY_TOKEN = "shared-verify-token";
    resetEnvForTests();
    const ok = await getShared(new Request("http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=shared-verify-token&hub.challenge=abc"));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("abc");
    expect((await postShared(fixture("inbound_text.json"), "wrong-secret")).status).toBe(401);
    expect((await postShared("{not json", "sharedsecret0123456789")).status).toBe(400);
    const [rejected] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.status, "rejected"));
    expect(rejected).toBeDefined();
  });
});
