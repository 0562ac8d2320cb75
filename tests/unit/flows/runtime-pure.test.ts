import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { expireFlowSessions } from "@/inngest/functions/expire-flow-sessions";
import { inboundInput } from "@/lib/flows/runtime/inbound-input";
import { matchTrigger } from "@/lib/flows/runtime/match-trigger";
import { testCustomerWaId } from "@/lib/flows/runtime/test-contact";

const facts = (text: string, more: Partial<{ isFirstMessage: boolean; campaignId: string | null }> = {}) => ({ text, isFirstMessage: false, campaignId: null, ...more });

describe("start-node triggers", () => {
  it("keywords: exact, contains, regex, case", () => {
    const exact = { kind: "keyword" as const, match: "exact" as const, keywords: ["Menu", " oi "], caseSensitive: false };
    expect(matchTrigger(exact, facts("menu"))).toBe(true);
    expect(matchTrigger(exact, facts("  OI "))).toBe(true);
    expect(matchTrigger(exact, facts("menu please"))).toBe(false);
    expect(matchTrigger({ ...exact, caseSensitive: true }, facts("menu"))).toBe(false);
    const contains = { ...exact, match: "contains" as const, keywords: ["pedido"] };
    expect(matchTrigger(contains, facts("Quero ver meu PEDIDO 123"))).toBe(true);
    expect(matchTrigger(contains, facts("olá"))).toBe(false);
    const regex = { ...exact, match: "regex" as const, keywords: ["^order\\s+\\d+$", "(broken"] };
    expect(matchTrigger(regex, facts("Order 42"))).toBe(true);
    expect(matchTrigger(regex, facts("order x"))).toBe(false);
    expect(matchTrigger({ ...exact, keywords: [""] }, facts(""))).toBe(false);
  });

  it("first message, any message, campaign reply, api", () => {
    expect(matchTrigger({ kind: "first_message" }, facts("x", { isFirstMessage: true }))).toBe(true);
    expect(matchTrigger({ kind: "first_message" }, facts("x"))).toBe(false);
    expect(matchTrigger({ kind: "any_message" }, facts(""))).toBe(true);
    expect(matchTrigger({ kind: "campaign_reply", campaignId: "" }, facts("x", { campaignId: "c1" }))).toBe(true);
    expect(matchTrigger({ kind: "campaign_reply", campaignId: "c2" }, facts("x", { campaignId: "c1" }))).toBe(false);
    expect(matchTrigger({ kind: "campaign_reply", campaignId: "" }, facts("x"))).toBe(false);
    expect(matchTrigger({ kind: "api" }, facts("x"))).toBe(false);
  });
});

describe("inbound messages as engine input", () => {
  it("text, tapped button, list row, template quick reply, media caption, anything else", () => {
    expect(inboundInput("text", { text: { body: "hi" } })).toEqual({ type: "message", text: "hi" });
    expect(inboundInput("interactive", { interactive: { type: "button_reply", button_reply: { id: "b1", title: "Yes" } } })).toEqual({ type: "message", text: "Yes", replyId: "b1" });
    expect(inboundInput("interactive", { interactive: { type: "list_reply", list_reply: { id: "r2", title: "Tea" } } })).toEqual({ type: "message", text: "Tea", replyId: "r2" });
    expect(inboundInput("button", { button: { text: "Stop", payload: "STOP" } })).toEqual({ type: "message", text: "Stop", replyId: "STOP" });
    expect(inboundInput("image", { image: { caption: "my receipt" } })).toEqual({ type: "message", text: "my receipt" });
    expect(inboundInput("location", { location: { latitude: 1 } })).toEqual({ type: "message", text: "" });
  });
});

describe("test customers", () => {
  it("get a stable fictional number per flow and person", () => {
    const a = testCustomerWaId("flow-1", "user-1");
    expect(a).toMatch(/^155501\d{6}$/);
    expect(testCustomerWaId("flow-1", "user-1")).toBe(a);
    expect(testCustomerWaId("flow-1", "user-2")).not.toBe(a);
  });
});

describe("expire-flow-sessions", () => {
  it("expires in one step, then sends each closing message in its own step", async () => {
    const plan = { sessionId: "s1", organizationId: "o", conversationId: "c", contactId: "k", flowId: "f", isTest: false, messages: [{ seq: 7, nodeId: "q", message: { type: "text", body: "Bye" } }], effects: [] };
    const send = vi.fn(() => ({ messageId: "m" }));
    const engine = new InngestTestEngine({ function: expireFlowSessions, events: [{ name: "inngest/scheduled.timer", data: { cron: "* * * * *" } }] });
    const { result } = await engine.execute({ steps: [{ id: "expire", handler: () => [plan] }, { id: "closing-s1-7", handler: send }] });
    expect(send).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ expired: 1 });
  });
});
