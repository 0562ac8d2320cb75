import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, spendAlerts } from "@/db/schema";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { estimateMessageCost } from "@/lib/spend/estimate-message-cost";
import { loadShippedRateCard } from "@/lib/spend/load-shipped-rate-card";
import { updateSpendSettings } from "@/lib/spend/update-spend-settings";
import { uploadRateCard } from "@/lib/spend/upload-rate-card";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createOrgWithChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { applyStatuses, costsOf, outbound, unix } from "./spend-helpers";

let db: TestDatabase;
let ch: TestChannel;
let other: TestChannel;
const regular = (category: string) => ({ billable: true, pricing_model: "PMP", type: "regular", category });
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedRateCard(getDb());
  await loadShippedRateCard(getDb()); // a second start changes nothing
  ch = await createOrgWithChannel("cards");
  other = await createOrgWithChannel("cards-other");
});
afterAll(async () => {
  await db?.drop();
});

describe("rate cards as data, by effective date and market", () => {
  it("a card change at its effective date prices messages on each side (Mexico marketing: July → October card)", async () => {
    const est = (iso: string) => estimateMessageCost({ orgId: ch.organizationId, toE164: "+5215512345678", category: "marketing", windowOpen: false, at: at(iso) });
    expect(await est("2026-09-30T23:59:00Z")).toMatchObject({ free: false, amountMicros: 30_500, market: "Mexico", country: "MX", currency: "USD" });
    expect(await est("2026-10-01T00:01:00Z")).toMatchObject({ free: false, amountMicros: 39_700, market: "Mexico" });

    const before = await outbound(ch, { phone: "+5215512345678", template: { name: "promo_mx", category: "MARKETING" } });
    const after = await outbound(ch, { phone: "+5215512345678", template: { name: "promo_mx", category: "MARKETING" } });
    await applyStatuses(ch, [
      { id: before.wamid, status: "sent", timestamp: unix("2026-09-30T23:59:00Z"), pricing: regular("marketing") },
      { id: after.wamid, status: "sent", timestamp: unix("2026-10-01T00:01:00Z"), pricing: regular("marketing") },
    ]);
    expect((await costsOf(before.message.id))[0].amountMicros).toBe(30_500);
    expect((await costsOf(after.message.id))[0].amountMicros).toBe(39_700);
  });

  it("an uploaded card prices only its organization's messages, only from its date", async () => {
    const csv = "effective_from,market,category,usd\n2027-01-01,Brazil,marketing,0.0700\n";
    const res = await uploadRateCard(ch.ctx, { csv, name: "2027 Q1" });
    expect(res.cards).toHaveLength(1);
    const est = (orgId: string, iso: string) => estimateMessageCost({ orgId, toE164: "+5511987650001", category: "marketing", windowOpen: false, at: at(iso) });
    expect(await est(ch.organizationId, "2026-12-31T12:00:00Z")).toMatchObject({ amountMicros: 62_500 });
    expect(await est(ch.organizationId, "2027-01-02T12:00:00Z")).toMatchObject({ amountMicros: 70_000 });
    expect(await est(other.organizationId, "2027-01-02T12:00:00Z")).toMatchObject({ amountMicros: 62_500 });
    await expect(uploadRateCard(ch.ctx, { csv: "effective_from,iso2,category,usd\n2027-01-01,ZZ,marketing,0.1\n" })).rejects.toThrow(/Unknown country code ZZ/);
    // The same card uploaded again with another price replaces it: the process's kept copy of the prices
    // (find-list-price.ts) notices at once.
    await uploadRateCard(ch.ctx, { csv: csv.replace("0.0700", "0.0800"), name: "2027 Q1" });
    expect(await est(ch.organizationId, "2027-01-02T12:00:00Z")).toMatchObject({ amountMicros: 80_000 });
  });

  it("market by longest calling-code prefix; a country's own row beats its group", async () => {
    const est = (toE164: string) => estimateMessageCost({ orgId: other.organizationId, toE164, category: "marketing", windowOpen: false, at: at("2026-11-01T00:00:00Z") });
    expect(await est("+18095551234")).toMatchObject({ market: "Rest of Latin America", country: "DO" });
    expect(await est("+12125551234")).toMatchObject({ market: "North America", country: null, amountMicros: 25_000 });
    expect(await est("+85291234567")).toMatchObject({ market: "Hong Kong", country: "HK" });
    expect(await est("+6281234567890")).toMatchObject({ market: "Indonesia", amountMicros: 41_100 });
    expect(await est("+88812345")).toMatchObject({ market: "Other", country: null });
  });

  it("service and in-window utility: free before the card prints a service rate, charged after (service after its allowance)", async () => {
    const est = (category: "service" | "utility", iso: string, windowOpen = true) =>
      estimateMessageCost({ orgId: other.organizationId, toE164: "+5511987650001", category, windowOpen, at: at(iso), channelId: other.channelId });
    expect(await est("service", "2026-09-15T12:00:00Z")).toMatchObject({ free: true, reason: "window_open" });
    expect(await est("utility", "2026-09-15T12:00:00Z")).toMatchObject({ free: true, reason: "window_open", listMicros: 6_800 });
    expect(await est("utility", "2026-09-15T12:00:00Z", false)).toMatchObject({ free: false, amountMicros: 6_800 });
    expect(await est("utility", "2026-10-15T12:00:00Z")).toMatchObject({ free: false, amountMicros: 6_800 });
    expect(await est("service", "2026-10-15T12:00:00Z")).toMatchObject({ free: true, reason: "service_allowance" });
  });
});

describe("budgets", () => {
  it("alerts at 80 % and 100 % once each; at 100 % marketing templates are refused, utility still goes", async () => {
    await updateSpendSettings(other.ctx, { monthlyBudget: 100_000 }); // US$ 0.10
    const now = new Date();
    const send = async () => {
      const m = await outbound(other, { phone: "+5511987650001", template: { name: "promo", category: "MARKETING" } });
      await applyStatuses(other, [{ id: m.wamid, status: "delivered", timestamp: String(Math.floor(now.getTime() / 1000)), pricing: regular("marketing") }]);
      return m;
    };
    await send(); // 62 500: 62 %
    const alerts = () => getDb().select().from(spendAlerts).where(eq(spendAlerts.organizationId, other.organizationId));
    expect(await alerts()).toHaveLength(0);
    const second = await send(); // 125 000: past 100 %
    expect((await alerts()).map((a) => a.threshold).sort((a, b) => a - b)).toEqual([80, 100]);
    // A replayed status changes nothing, and no alert fires twice.
    await applyStatuses(other, [{ id: second.wamid, status: "read", timestamp: String(Math.floor(now.getTime() / 1000) + 1) }]);
    expect(await alerts()).toHaveLength(2);

    const conv = await outbound(other, { phone: "+5511987650002", template: { name: "promo", category: "MARKETING" } });
    const queue = (name: string, key: string) =>
      queueOutboundMessage({
        organizationId: other.organizationId,
        conversationId: conv.message.conversationId,
        message: { type: "template", name, language: "pt_BR" },
        sender: "user",
        idempotencyKey: key,
        dispatch: "caller",
      });
    await expect(queue("promo", "budget-1")).rejects.toMatchObject({ code: "conflict", issues: [{ path: "budget", message: "budget_exhausted" }] });
    expect(await getDb().select().from(messages).where(and(eq(messages.organizationId, other.organizationId), eq(messages.idempotencyKey, "budget-1")))).toHaveLength(0);
    await outbound(other, { phone: "+5511987650003", template: { name: "receipt", category: "UTILITY" } });
    expect((await queue("receipt", "budget-2")).created).toBe(true);
    // Another organization without a cap is not affected.
    const mine = await outbound(ch, { phone: "+5511987650004", template: { name: "promo", category: "MARKETING" } });
    const ok = await queueOutboundMessage({
      organizationId: ch.organizationId,
      conversationId: mine.message.conversationId,
      message: { type: "template", name: "promo", language: "pt_BR" },
      sender: "user",
      idempotencyKey: "budget-3",
      dispatch: "caller",
    });
    expect(ok.created).toBe(true);
  });
});
