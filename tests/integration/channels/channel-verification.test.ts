import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, channels, webhookEvents } from "@/db/schema";
import { loadOrgContext, type OrgContext } from "@/lib/auth/org-context";
import { createChannel } from "@/lib/channels/create-channel";
import { updateChannel } from "@/lib/channels/update-channel";
import { verifyChannelAgain } from "@/lib/channels/verify-channel-again";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { resetEnvForTests } from "@/lib/env";
import { signUp } from "@/lib/users/sign-up";
import { startGraphMock, type GraphMock } from "@/tests/support/graph-mock";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { APP_SECRET, postShared, randomDigits, textWebhook } from "../whatsapp/helpers";

const SHARED_SECRET = "sharedsecret0123456789";
let db: TestDatabase;
let mock: GraphMock;

beforeAll(async () => {
  mock = await startGraphMock();
  process.env.META_GRAPH_API_URL = mock.url;
  process.env.META_APP_SECRET = SHARED_SECRET;
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  await mock?.close();
  delete process.env.META_GRAPH_API_URL;
  delete process.env.META_APP_SECRET;
  resetEnvForTests();
});

async function newOrg(label: string): Promise<OrgContext> {
  const { user, organization } = await signUp({ name: label, email: `${label}-${randomDigits(6)}@example.test`, password: "password123", organizationName: label });
  return loadOrgContext({ type: "user", userId: user.id }, organization.slug);
}

const claim = (n: { phoneNumberId: string; wabaId: string; accessToken: string }) => ({
  provider: "cloud" as const,
  name: "Main",
  displayPhoneNumber: "+5511955550123",
  appSecret: APP_SECRET,
  ...n,
});
const channelsOf = (orgId: string) => getDb().select().from(channels).where(and(eq(channels.organizationId, orgId), isNull(channels.deletedAt)));
const auditOf = (orgId: string) => getDb().select().from(auditLog).where(and(eq(auditLog.organizationId, orgId), eq(auditLog.targetType, "channel")));
const token = () => `EAAG-${randomDigits(30)}`;

describe("a cloud channel is created only once Meta confirms the claim", () => {
  it("a token that cannot read the number is refused with 422, and nothing is written", async () => {
    const ctx = await newOrg("unreadable");
    const number = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token() };
    mock.addPhoneNumber(number);
    const err = await createChannel(ctx, claim({ ...number, accessToken: token() })).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid_input", status: 422 });
    expect(err.message).toContain(`Meta refused to show phone number ID ${number.phoneNumberId} to this access token`);
    expect(err.message).toContain("(#100)"); // Meta's own code, explained
    expect(err.issues).toEqual([expect.objectContaining({ path: "accessToken" })]);
    expect(await channelsOf(ctx.org.id)).toEqual([]);
    expect(await auditOf(ctx.org.id)).toEqual([]);
  });

  it("a number that is not in the given WhatsApp Business Account is refused with 422", async () => {
    const ctx = await newOrg("otherwaba");
    const mine = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token() };
    const theirs = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: mine.accessToken };
    mock.addPhoneNumber(mine);
    mock.addPhoneNumber(theirs); // the token reads both WABAs, but the number is in the other one
    const err = await createChannel(ctx, claim({ ...mine, wabaId: theirs.wabaId })).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid_input", issues: [expect.objectContaining({ path: "wabaId" })] });
    expect(err.message).toBe(`Phone number ID ${mine.phoneNumberId} is not a number of WhatsApp Business Account ${theirs.wabaId}`);
    expect(await channelsOf(ctx.org.id)).toEqual([]);
  });

  it("a good claim is stored verified, with Meta's display number and verified name", async () => {
    const ctx = await newOrg("good");
    const number = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token(), displayPhoneNumber: "+55 11 95555-0123", verifiedName: "Padaria Boa" };
    mock.addPhoneNumber(number);
    const channel = await createChannel(ctx, claim(number));
    expect(channel).toMatchObject({ verifiedDisplayPhoneNumber: "+55 11 95555-0123", verifiedName: "Padaria Boa", verificationError: null });
    expect(channel.verifiedAt).toBeInstanceOf(Date);
    const asked = mock.calls.filter((c) => c.method === "GET").map((c) => c.path.split("?")[0]);
    expect(asked).toEqual(expect.arrayContaining([`/v24.0/${number.phoneNumberId}`, `/v24.0/${number.wabaId}/phone_numbers`]));
  });

  it("Meta unreachable is a 503 and writes nothing", async () => {
    const ctx = await newOrg("unreachable");
    process.env.META_GRAPH_API_URL = "http://127.0.0.1:9"; // discard port: connection refused
    resetEnvForTests();
    try {
      const err = await createChannel(ctx, claim({ phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token() })).catch((e) => e);
      expect(err).toMatchObject({ code: "upstream_unavailable", status: 503 });
    } finally {
      process.env.META_GRAPH_API_URL = mock.url;
      resetEnvForTests();
    }
    expect(await channelsOf(ctx.org.id)).toEqual([]);
  });

  it("changing the access token re-verifies: a token that cannot read the number leaves the channel as it was", async () => {
    const ctx = await newOrg("rotate");
    const number = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token() };
    mock.addPhoneNumber(number);
    const channel = await createChannel(ctx, claim(number));

    const stranger = token();
    await expect(updateChannel(ctx, channel.id, { accessToken: stranger, name: "Renamed" })).rejects.toMatchObject({ code: "invalid_input" });
    const [kept] = await channelsOf(ctx.org.id);
    expect(decryptSecret(kept.accessTokenEncrypted!)).toBe(number.accessToken);
    expect(kept.name).toBe("Main");

    const rotated = token();
    mock.addPhoneNumber({ ...number, accessToken: rotated });
    mock.reset();
    const updated = await updateChannel(ctx, channel.id, { accessToken: rotated });
    expect(decryptSecret(updated.accessTokenEncrypted!)).toBe(rotated);
    expect(mock.calls.filter((c) => c.authorization === `Bearer ${rotated}`).length).toBe(2);
    expect(updated.verifiedAt!.getTime()).toBeGreaterThanOrEqual(channel.verifiedAt!.getTime());
  });
});

describe("a number belongs to whoever proves it", () => {
  it("a number that moved to another business: verify again unverifies the old channel, shared-app webhooks stop, the new owner takes it", async () => {
    const old = await newOrg("old-owner");
    const number = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token() };
    mock.addPhoneNumber(number);
    const oldChannel = await createChannel(old, claim(number));
    const sharedRows = () => getDb().select().from(webhookEvents).where(eq(webhookEvents.rawBody, Buffer.from(body)));
    let body = textWebhook(number.phoneNumberId, { id: `wamid.${randomDigits(20)}`, from: "5511987650001", ts: 1_760_000_000, body: "oi" });
    expect((await postShared(body, SHARED_SECRET)).status).toBe(200);
    expect((await sharedRows()).map((r) => [r.organizationId, r.status])).toEqual([[old.org.id, "received"]]);

    // The number moves to another business's WABA: the old token can no longer read it.
    const next = { phoneNumberId: number.phoneNumberId, wabaId: randomDigits(), accessToken: token() };
    mock.addPhoneNumber(next);
    await expect(verifyChannelAgain(old, oldChannel.id)).rejects.toMatchObject({ code: "invalid_input" });
    const [lapsed] = await channelsOf(old.org.id);
    expect(lapsed.verifiedAt).toBeNull();
    expect(lapsed.verificationError).toContain("Meta refused to show phone number ID");
    expect((await auditOf(old.org.id)).map((a) => a.action)).toContain("channel.verification_failed");

    // An unverified channel gets no shared-app webhook: the change is kept unrouted, with the reason.
    body = textWebhook(number.phoneNumberId, { id: `wamid.${randomDigits(20)}`, from: "5511987650001", ts: 1_760_000_001, body: "oi de novo" });
    expect((await postShared(body, SHARED_SECRET)).status).toBe(200);
    const unrouted = await sharedRows();
    expect(unrouted.map((r) => [r.organizationId, r.status])).toEqual([[null, "unrouted"]]);
    expect(unrouted[0].error).toContain(`channel ${oldChannel.id} not verified`);

    // The business that proves the number gets it, although an (unverified) channel still names it.
    const owner = await newOrg("new-owner");
    const ownerChannel = await createChannel(owner, { ...claim(next), wabaId: next.wabaId });
    body = textWebhook(number.phoneNumberId, { id: `wamid.${randomDigits(20)}`, from: "5511987650001", ts: 1_760_000_002, body: "olá" });
    expect((await postShared(body, SHARED_SECRET)).status).toBe(200);
    expect((await sharedRows()).map((r) => [r.organizationId, r.channelId, r.status])).toEqual([[owner.org.id, ownerChannel.id, "received"]]);

    // And a verified claim is unique: nobody else can verify it now, even with a token that reads it.
    const third = await newOrg("third");
    await expect(createChannel(third, claim(next))).rejects.toMatchObject({ code: "conflict" });
    expect(await channelsOf(third.org.id)).toEqual([]);
  });

  it("verify again succeeds for a channel whose token still reads its number", async () => {
    const ctx = await newOrg("again");
    const number = { phoneNumberId: randomDigits(), wabaId: randomDigits(), accessToken: token(), verifiedName: "Loja Antiga" };
    mock.addPhoneNumber(number);
    const channel = await createChannel(ctx, claim(number));
    mock.addPhoneNumber({ ...number, verifiedName: "Loja Nova" }); // renamed in WhatsApp Manager
    const again = await verifyChannelAgain(ctx, channel.id);
    expect(again).toMatchObject({ verifiedName: "Loja Nova", verificationError: null });
    expect(again.verifiedAt).toEqual(channel.verifiedAt);
    expect(again.verificationCheckedAt!.getTime()).toBeGreaterThanOrEqual(channel.verificationCheckedAt!.getTime());
  });

  it("sandbox numbers are verified by construction and cannot pick a real number's id", async () => {
    const ctx = await newOrg("sandbox");
    const sandbox = await createChannel(ctx, { provider: "sandbox", name: "Demo", displayPhoneNumber: "+15550000000" });
    expect(sandbox.verifiedAt).toBeInstanceOf(Date);
    await expect(createChannel(ctx, { provider: "sandbox", name: "Squat", displayPhoneNumber: "+15550000001", phoneNumberId: randomDigits() })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await channelsOf(ctx.org.id)).toHaveLength(1);
  });
});
