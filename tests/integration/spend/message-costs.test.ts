import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { statementCount } from "@/db/statement-counter";
import { recordMessageCost } from "@/lib/spend/record-message-cost";
import { updateSpendSettings } from "@/lib/spend/update-spend-settings";
import { messageStatusSchema } from "@/lib/whatsapp/webhook/status-schema";
import { getSpendSummary } from "@/lib/spend/get-spend-summary";
import { loadShippedRateCard } from "@/lib/spend/load-shipped-rate-card";
import { spendCsv } from "@/lib/spend/spend-csv";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { createOrgWithChannel, type TestChannel } from "@/tests/integration/whatsapp/helpers";
import { applyStatuses, costsOf, outbound, rollupTotals, unix } from "./spend-helpers";

let db: TestDatabase;
let ch: TestChannel;
const BR = "+5511987650001";
// November 2026: the October 2026 USD card applies (BR marketing 0.0625, utility/service 0.0068).
const T = "2026-11-10T12:00:00Z";
const ts = (secondsAfter: number) => String(Number(unix(T)) + secondsAfter);
const regular = (category: string) => ({ billable: true, pricing_model: "PMP", type: "regular", category });

beforeAll(async () => {
  db = await createTestDatabase();
  await loadShippedRateCard(getDb());
  ch = await createOrgWithChannel("spend");
});
afterAll(async () => {
  await db?.drop();
});

describe("one cost record per message, from its statuses", () => {
  it("regular: estimated on sent, confirmed on delivered, at the card's price for the market and category", async () => {
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" } });
    await applyStatuses(ch, [{ id: wamid, status: "sent", timestamp: ts(0), recipient_id: "5511987650001", pricing: regular("marketing") }]);
    expect(await costsOf(message.id)).toMatchObject([{ state: "estimated", chargeKind: "paid", amountMicros: 62_500, market: "Brazil", country: "BR", category: "marketing", currency: "USD", pricingSource: "meta" }]);
    await applyStatuses(ch, [
      { id: wamid, status: "delivered", timestamp: ts(1), pricing: regular("marketing") },
      { id: wamid, status: "read", timestamp: ts(2) },
    ]);
    const [cost] = await costsOf(message.id);
    expect(cost).toMatchObject({ state: "confirmed", chargeKind: "paid", amountMicros: 62_500, pricingStatus: "delivered", pricingType: "regular", pricingModel: "PMP", billable: true, senderKind: "api" });
    expect(cost.pricedAt.toISOString()).toBe(T.replace("Z", ".000Z"));
  });

  it("free_customer_service: free, its list price kept as the saving", async () => {
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "receipt", category: "UTILITY" }, windowExpiresAt: new Date(Date.parse(T) + 3600_000) });
    const free = { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "utility" };
    await applyStatuses(ch, [
      { id: wamid, status: "sent", timestamp: ts(0), pricing: free },
      { id: wamid, status: "delivered", timestamp: ts(1), pricing: free },
    ]);
    expect(await costsOf(message.id)).toMatchObject([{ state: "confirmed", chargeKind: "free_customer_service", amountMicros: 0, listMicros: 6_800, category: "utility" }]);
  });

  it("free_entry_point: free; the saving is the message's own category (referral_conversion is no card column)", async () => {
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" }, sender: "bot" });
    const fep = { billable: false, pricing_model: "PMP", type: "free_entry_point", category: "referral_conversion" };
    await applyStatuses(ch, [{ id: wamid, status: "delivered", timestamp: ts(1), pricing: fep }]);
    expect(await costsOf(message.id)).toMatchObject([{ chargeKind: "free_entry_point", amountMicros: 0, listMicros: 62_500, category: "marketing", senderKind: "bot" }]);
  });

  it("missing pricing: Papo estimates; Meta's later signal wins when it disagrees", async () => {
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" } });
    await applyStatuses(ch, [{ id: wamid, status: "sent", timestamp: ts(0) }]);
    expect(await costsOf(message.id)).toMatchObject([{ state: "estimated", pricingSource: "papo", chargeKind: "paid", amountMicros: 62_500 }]);
    await applyStatuses(ch, [{ id: wamid, status: "delivered", timestamp: ts(1), pricing: { billable: false, pricing_model: "PMP", type: "free_entry_point", category: "referral_conversion" } }]);
    expect(await costsOf(message.id)).toMatchObject([{ state: "confirmed", pricingSource: "meta", chargeKind: "free_entry_point", amountMicros: 0 }]);

    // A free-form (service) message after 2026-10-01 with no pricing: the card prints a service rate, the month's
    // allowance covers it.
    const text = await outbound(ch, { phone: BR, windowExpiresAt: new Date(Date.parse(T) + 3600_000) });
    await applyStatuses(ch, [{ id: text.wamid, status: "delivered", timestamp: ts(5) }]);
    expect(await costsOf(text.message.id)).toMatchObject([{ category: "service", chargeKind: "free_allowance", amountMicros: 0, listMicros: 6_800 }]);
    // Meta says it was charged (regular service): Meta wins.
    await applyStatuses(ch, [{ id: text.wamid, status: "read", timestamp: ts(6), pricing: regular("service") }]);
    expect(await costsOf(text.message.id)).toMatchObject([{ category: "service", chargeKind: "paid", amountMicros: 6_800 }]);
  });

  it("duplicated and out-of-order statuses: one record, the confirmed pricing, priced at the sent time", async () => {
    const { message, wamid } = await outbound(ch, { phone: "+14155550100", template: { name: "promo", category: "MARKETING" } });
    const sent = { id: wamid, status: "sent", timestamp: ts(10), pricing: { ...regular("marketing"), estimated: true } };
    const delivered = { id: wamid, status: "delivered", timestamp: ts(20), pricing: regular("marketing") };
    const read = { id: wamid, status: "read", timestamp: ts(30) };
    await applyStatuses(ch, [read, delivered, read, sent, delivered, sent, read]);
    const costs = await costsOf(message.id);
    expect(costs).toHaveLength(1);
    expect(costs[0]).toMatchObject({ state: "confirmed", market: "North America", country: null, amountMicros: 25_000, pricing: regular("marketing"), pricingStatus: "delivered" });
    expect(costs[0].pricedAt.getTime()).toBe(Number(ts(10)) * 1000);
  });

  it("failed: zero, and nothing in the rollup; the rollup always equals the records", async () => {
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" } });
    await applyStatuses(ch, [
      { id: wamid, status: "sent", timestamp: ts(0), pricing: regular("marketing") },
      { id: wamid, status: "failed", timestamp: ts(1), errors: [{ code: 131049, title: "Not delivered" }] },
    ]);
    expect(await costsOf(message.id)).toMatchObject([{ state: "failed", chargeKind: "failed", amountMicros: 0 }]);
    const { rollup, records } = await rollupTotals(ch.organizationId);
    expect(rollup).toEqual(records);
    // 2 paid marketing (BR + US, the free one turned by Meta excluded) + 1 paid service.
    expect(rollup.amount).toBe(62_500 + 25_000 + 6_800);
  });

  it("the dashboard summary and the CSV export read the rollup: every breakdown adds up to the totals", async () => {
    const summary = await getSpendSummary(ch.organizationId, { from: "2026-11-01", to: "2026-12-01", granularity: "day" });
    expect(summary.totals.amountMicros).toBe(62_500 + 25_000 + 6_800);
    expect(summary.series.map((s) => s.key)).toEqual(["2026-11-10"]);
    for (const breakdown of [summary.series, summary.byCategory, summary.byChannel, summary.byCountry, summary.bySender, summary.byChargeKind]) {
      expect(breakdown.reduce((a, b) => a + b.amountMicros, 0)).toBe(summary.totals.amountMicros);
      expect(breakdown.reduce((a, b) => a + b.messages, 0)).toBe(summary.totals.messages);
    }
    // Saved: the list price of the free ones (utility in the window, two marketing free entry points).
    expect(summary.totals.savedMicros).toBe(6_800 + 62_500 + 62_500);
    expect(summary.byChargeKind.find((b) => b.key === "free_entry_point")).toMatchObject({ messages: 2, amountMicros: 0, savedMicros: 125_000 });
    expect(summary.bySender.map((b) => b.key).sort()).toEqual(["api", "bot"]);
    const months = await getSpendSummary(ch.organizationId, { from: "2026-01-01", to: "2027-01-01", granularity: "month" });
    expect(months.series).toMatchObject([{ key: "2026-11", amountMicros: 62_500 + 25_000 + 6_800 }]);
    const csv = await spendCsv(ch.organizationId, { from: "2026-11-01", to: "2026-12-01" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("day,number,category,market,country,sender,charge,currency,messages,amount,list_price_total");
    expect(lines.some((l) => l.startsWith("2026-11-10,") && l.includes(",marketing,Brazil,BR,api,paid,USD,") && l.endsWith(",0.0625,0.0625"))).toBe(true);
  });

  it("a status's cost record costs 2 statements (read, write), budget alert included; a status that changes nothing costs 1 (issue #11: it was about 10)", async () => {
    await updateSpendSettings(ch.ctx, { monthlyBudget: 1_000_000_000 });
    const first = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" } });
    await applyStatuses(ch, [{ id: first.wamid, status: "sent", timestamp: ts(0), pricing: regular("marketing") }]); // warms the per-process copies
    const { message, wamid } = await outbound(ch, { phone: BR, template: { name: "promo", category: "MARKETING" } });
    const costOf = async (status: Record<string, unknown>) => {
      const parsed = messageStatusSchema.parse(status);
      return getDb().transaction(async (tx) => {
        const start = statementCount();
        await recordMessageCost(tx, { organizationId: ch.organizationId, messageId: message.id, status: parsed });
        return statementCount() - start;
      });
    };
    // First status: read, then the record, its rollup and the budget check in one statement.
    expect(await costOf({ id: wamid, status: "sent", timestamp: ts(0), pricing: regular("marketing") })).toBe(2);
    expect(await costOf({ id: wamid, status: "sent", timestamp: ts(0), pricing: regular("marketing") })).toBe(1); // nothing new
    await getDb().update(messages).set({ status: "delivered", deliveredAt: new Date(Date.parse(T) + 1000) }).where(eq(messages.id, message.id));
    expect(await costOf({ id: wamid, status: "delivered", timestamp: ts(1), pricing: regular("marketing") })).toBe(2); // estimated → confirmed
    expect(await costsOf(message.id)).toMatchObject([{ state: "confirmed", pricingStatus: "delivered", amountMicros: 62_500 }]);
    const { rollup, records } = await rollupTotals(ch.organizationId);
    expect(rollup).toEqual(records);
    await updateSpendSettings(ch.ctx, { monthlyBudget: null });
  });
});
