import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { encryptLegacyVerifyTokens } from "@/lib/channels/encrypt-legacy-verify-tokens";
import { forgetWebhookChannel } from "@/lib/whatsapp/webhook-channel";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createOrgWithChannel, getChannelHandshake } from "../whatsapp/helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const rawRow = async (id: string) => {
  const result = await getDb().execute(sql`select * from channels where id = ${id}`);
  return JSON.stringify(Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows);
};
const handshake = async (channelId: string, token: string) => {
  const res = await getChannelHandshake(channelId, `hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=4242`);
  return { status: res.status, text: await res.text() };
};

describe("the webhook verify token at rest", () => {
  it("is stored encrypted, and Meta's handshake still gets the challenge", async () => {
    const ch = await createOrgWithChannel("verify-token");
    expect(ch.verifyToken.length).toBeGreaterThanOrEqual(16);
    expect(await rawRow(ch.channelId)).not.toContain(ch.verifyToken);
    expect(await handshake(ch.channelId, ch.verifyToken)).toEqual({ status: 200, text: "4242" });
    expect((await handshake(ch.channelId, "not-the-token")).status).toBe(403);
  });

  it("a legacy plaintext row answers the handshake, and start-up encrypts it once", async () => {
    const ch = await createOrgWithChannel("legacy-token");
    const legacy = "legacy-plain-verify-token";
    // The row as it was before verify tokens were encrypted (the migration keeps the old column).
    await getDb().update(channels).set({ verifyToken: legacy, verifyTokenEncrypted: null }).where(eq(channels.id, ch.channelId));
    forgetWebhookChannel(ch.channelId);
    expect(await handshake(ch.channelId, legacy)).toEqual({ status: 200, text: "4242" });

    expect(await encryptLegacyVerifyTokens()).toBeGreaterThanOrEqual(1);
    expect(await rawRow(ch.channelId)).not.toContain(legacy);
    const [row] = await getDb().select().from(channels).where(eq(channels.id, ch.channelId));
    expect(row.verifyToken).toBeNull();
    forgetWebhookChannel(ch.channelId);
    expect(await handshake(ch.channelId, legacy)).toEqual({ status: 200, text: "4242" });
    expect(await encryptLegacyVerifyTokens()).toBe(0);
  });
});
