import fs from "node:fs";
import path from "node:path";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { registerMockPhoneNumber } from "../support/graph-mock";
import { signUpOwner, type SignedUp } from "../support/http-client";

// HTTP behaviour of Meta's webhook on the production server. Processing (what ends up in the tables) is covered by
// tests/integration/whatsapp with the executor harness: this process cannot reach the server's database.
const APP_SECRET = "e2eAppSecret0123456789abcdef";
const FIXTURE_NUMBER = "118293746501928";
const dir = path.resolve(__dirname, "../fixtures/meta");
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith(".json"));

let baseUrl: string;
let owner: SignedUp;
let channel: { id: string; verifyToken: string; webhookUrl: string; phoneNumberId: string };

const sign = (body: string | Uint8Array, secret = APP_SECRET) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
const digits = () => Array.from(randomBytes(15), (b) => String(b % 10)).join("").replace(/^0/, "1");

function post(channelId: string, body: string, signature: string | null = sign(body)) {
  return fetch(`${baseUrl}/api/webhooks/whatsapp/${channelId}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
    body,
  });
}

beforeAll(async () => {
  baseUrl = inject("baseUrl");
  owner = await signUpOwner(baseUrl, "Webhooks");
  const phoneNumberId = digits();
  const number = { phoneNumberId, wabaId: digits(), accessToken: "EAAGe2e-access-token-0000000000000" };
  await registerMockPhoneNumber(inject("graphMockUrl"), number);
  const res = await owner.client.post<{ channel: { id: string; verifyToken: string; webhookUrl: string } }>(`/api/v1/orgs/${owner.orgSlug}/channels`, {
    provider: "cloud",
    name: "Webhook e2e",
    displayPhoneNumber: "+5511955550123",
    ...number,
    appSecret: APP_SECRET,
  });
  expect(res.status).toBe(201);
  channel = { ...res.body.channel, phoneNumberId };
});

describe("GET /api/webhooks/whatsapp/{channelId}", () => {
  it("the channel's webhook URL answers Meta's handshake with the challenge as plain text", async () => {
    expect(channel.webhookUrl).toMatch(new RegExp(`/api/webhooks/whatsapp/${channel.id}$`));
    const ok = await fetch(`${baseUrl}/api/webhooks/whatsapp/${channel.id}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(channel.verifyToken)}&hub.challenge=987654`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe("987654");
    const bad = await fetch(`${baseUrl}/api/webhooks/whatsapp/${channel.id}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=987654`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).not.toContain("987654");
  });
});

describe("POST /api/webhooks/whatsapp/{channelId}", () => {
  it.each(fixtures)("accepts the signed fixture %s with 200", async (name) => {
    const body = fs.readFileSync(path.join(dir, name), "utf8").replaceAll(FIXTURE_NUMBER, channel.phoneNumberId);
    const res = await post(channel.id, body);
    expect(res.status).toBe(200);
  });

  it("the same delivery ten times is accepted ten times (deduplicated at processing)", async () => {
    const body = fs.readFileSync(path.join(dir, "inbound_text.json"), "utf8").replaceAll(FIXTURE_NUMBER, channel.phoneNumberId);
    const statuses = await Promise.all(Array.from({ length: 10 }, () => post(channel.id, body).then((r) => r.status)));
    expect(statuses).toEqual(Array(10).fill(200));
  });

  it("401 for a missing or bad signature, including a hash of the re-serialised JSON", async () => {
    const body = fs.readFileSync(path.join(dir, "signature_test_vector_body.json"), "utf8");
    expect((await post(channel.id, body, null)).status).toBe(401);
    expect((await post(channel.id, body, sign(body, "someone-elses-secret"))).status).toBe(401);
    expect((await post(channel.id, body, sign(JSON.stringify(JSON.parse(body))))).status).toBe(401);
  });

  it("413 for a body over 3 MiB", async () => {
    const body = "x".repeat(3 * 1024 * 1024 + 1);
    const res = await post(channel.id, body);
    expect(res.status).toBe(413);
  });

  it("400 for malformed JSON with a valid signature", async () => {
    expect((await post(channel.id, '{"object":"whatsapp_business_account",')).status).toBe(400);
  });

  it("404 for an unknown channel", async () => {
    const body = fs.readFileSync(path.join(dir, "inbound_text.json"), "utf8");
    expect((await post(randomUUID(), body)).status).toBe(404);
    expect((await post("nope", body)).status).toBe(404);
  });

  it("needs no session and ignores cookies (no CSRF/auth redirect on the webhook path)", async () => {
    const body = fs.readFileSync(path.join(dir, "status_sent_marketing_pmp.json"), "utf8").replaceAll(FIXTURE_NUMBER, channel.phoneNumberId);
    const res = await fetch(`${baseUrl}/api/webhooks/whatsapp/${channel.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/json", "x-hub-signature-256": sign(body), cookie: "garbage=1" },
      body,
    });
    expect(res.status).toBe(200);
  });
});

describe("POST /api/webhooks/whatsapp (shared Meta app)", () => {
  it("is 404 when no META_APP_SECRET is configured", async () => {
    const body = fs.readFileSync(path.join(dir, "inbound_text.json"), "utf8");
    const res = await fetch(`${baseUrl}/api/webhooks/whatsapp`, { method: "POST", headers: { "x-hub-signature-256": sign(body) }, body });
    expect(res.status).toBe(404);
  });
});
