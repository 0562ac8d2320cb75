import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { createChannel } from "@/lib/channels/create-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { loadOrgContext } from "@/lib/auth/org-context";
import { signUp } from "@/lib/users/sign-up";
import { registerPhoneNumber } from "../support/graph-mock";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.drop());

const ACCESS_TOKEN = "EAAGm0PX4ZCpsBAplaintextTOKEN1234567890";
const APP_SECRET = "0123456789abcdef0123456789abcdef";
const VERIFY_TOKEN = "my-plain-verify-token-42";
const NUMBER = { phoneNumberId: "106540352242922", wabaId: "102290129340398" };

describe("channel secrets at rest", () => {
  it("are not readable in the table, and decrypt with the key", async () => {
    const { user, organization } = await signUp({ name: "A", email: "a@example.test", password: "password123", organizationName: "A" });
    const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
    await registerPhoneNumber({ ...NUMBER, accessToken: ACCESS_TOKEN });
    const channel = await createChannel(ctx, {
      provider: "cloud",
      name: "Main",
      displayPhoneNumber: "+5511912345678",
      phoneNumberId: "106540352242922",
      wabaId: "102290129340398",
      accessToken: ACCESS_TOKEN,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
    });
    const result = await getDb().execute(sql`select * from channels where id = ${channel.id}`);
    const rawRow = JSON.stringify(Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows);
    expect(rawRow).not.toContain(ACCESS_TOKEN);
    expect(rawRow).not.toContain(APP_SECRET);
    expect(rawRow).not.toContain(VERIFY_TOKEN);
    expect(rawRow).not.toContain(Buffer.from(ACCESS_TOKEN).toString("base64"));

    const [row] = await getDb().select().from(channels).where(eq(channels.id, channel.id));
    expect(decryptSecret(row.accessTokenEncrypted!)).toBe(ACCESS_TOKEN);
    expect(decryptSecret(row.appSecretEncrypted!)).toBe(APP_SECRET);
    expect(decryptSecret(row.verifyTokenEncrypted!)).toBe(VERIFY_TOKEN);
    expect(row.verifyToken).toBeNull();

    // A blank secret on update keeps the stored one; a new one replaces it.
    await updateChannel(ctx, channel.id, { name: "Renamed" });
    const [kept] = await getDb().select().from(channels).where(eq(channels.id, channel.id));
    expect(decryptSecret(kept.accessTokenEncrypted!)).toBe(ACCESS_TOKEN);
    // A new token is verified with Meta before it is stored.
    await registerPhoneNumber({ ...NUMBER, accessToken: "EAAG-rotated-token-000000000" });
    await updateChannel(ctx, channel.id, { accessToken: "EAAG-rotated-token-000000000", verifyToken: "rotated-verify-token" });
    const [rotated] = await getDb().select().from(channels).where(eq(channels.id, channel.id));
    expect(decryptSecret(rotated.accessTokenEncrypted!)).toBe("EAAG-rotated-token-000000000");
    expect(decryptSecret(rotated.verifyTokenEncrypted!)).toBe("rotated-verify-token");
  });

  it("a phone number id verified in one organization cannot be connected in another, even with a token that reads it", async () => {
    const { user, organization } = await signUp({ name: "B", email: "b@example.test", password: "password123", organizationName: "B" });
    const ctx = await loadOrgContext({ type: "user", userId: user.id }, organization.slug);
    await expect(
      createChannel(ctx, {
        provider: "cloud",
        name: "Stolen",
        displayPhoneNumber: "+5511912345678",
        ...NUMBER,
        accessToken: ACCESS_TOKEN,
        appSecret: APP_SECRET,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().$count(channels, eq(channels.organizationId, organization.id))).toBe(0);
  });
});
