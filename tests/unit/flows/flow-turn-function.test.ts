import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";
import type { FlowPlan } from "@/lib/flows/runtime/flow-plan";

// Step handlers are mocked: these tests pin the function's control flow; tests/integration/flows its database work.
const ids = { organizationId: "0b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10", channelId: "1b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10", conversationId: "2b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10", contactId: "3b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10", messageId: "4b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10" };
const S = "sess-1";
const plan = (over: Partial<FlowPlan>): FlowPlan => ({ sessionId: S, organizationId: ids.organizationId, conversationId: ids.conversationId, contactId: ids.contactId, flowId: "f1", isTest: false, messages: [], effects: [], ...over });
const text = (seq: number, body: string) => ({ seq, nodeId: "n", message: { type: "text" as const, body } });
const WEBHOOK = "5b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10";
const engine = () => new InngestTestEngine({ function: processWebhookEvent, events: [{ name: "papo/webhook.received", data: { webhookEventId: WEBHOOK, orderingKey: "k" } }] });
const HANDLE = `handle-${ids.messageId}`;
// The webhook's ingest step: one customer message stored for the first time.
const ingest = { id: "ingest-webhook", handler: () => ({ status: "processed", events: [{ id: `message-received-${ids.messageId}`, name: "papo/message.received", data: ids }] }) };
const accepted = (messageId: string) => ({ messageId, first: { kind: "accepted", waMessageId: `wamid.${messageId}` } });
const flowResult = (r: unknown) => ({ webhookEventId: WEBHOOK, status: "processed", flows: [{ messageId: ids.messageId, ...(r as object) }] });

describe("process-webhook-event: the flow turn and the bot's replies in the same run", () => {
  it("is serialised per customer of a channel (the webhook's ordering key)", () => {
    expect((processWebhookEvent as unknown as { opts: { concurrency: unknown } }).opts.concurrency).toEqual({ key: "event.data.orderingKey", limit: 1 });
  });

  it("does nothing more when the message is skipped (a person owns the conversation)", async () => {
    const { result } = await engine().execute({ steps: [ingest, { id: HANDLE, handler: () => ({ skipped: "a person owns the conversation" }) }] });
    expect(result).toEqual(flowResult({ skipped: "a person owns the conversation" }));
  });

  it("sends each planned message in its own step keyed by session and seq, then the handoff", async () => {
    const sent: string[] = [];
    const send = (seq: number) => vi.fn(() => (sent.push(`send-${seq}`), accepted(`m${seq}`)));
    const handoff = vi.fn(() => (sent.push("handoff"), { departmentId: null, assigneeId: null }));
    const { result } = await engine().execute({
      steps: [
        ingest,
        { id: HANDLE, handler: () => ({ plans: [plan({ messages: [text(1, "Hi"), text(2, "Bye")], effects: [{ seq: 3, nodeId: "h", type: "handoff", departmentId: null, assigneeId: null, note: "" }, { seq: 4, nodeId: "h", type: "end", reason: "handoff" }] })] }) },
        { id: `send-${S}-1`, handler: send(1) },
        { id: `send-${S}-2`, handler: send(2) },
        { id: `handoff-${S}-3`, handler: handoff },
      ],
    });
    expect(sent).toEqual(["send-1", "send-2", "handoff"]);
    expect(result).toEqual(flowResult({ handled: true, log: [`session ${S} ended: handoff`] }));
  });

  it("performs an HTTP effect, then advances the session with its result in another step", async () => {
    const advance = vi.fn(() => plan({ messages: [text(3, "Shipped")] }));
    const sendShipped = vi.fn(() => accepted("m3"));
    const { result } = await engine().execute({
      steps: [
        ingest,
        { id: HANDLE, handler: () => ({ plans: [plan({ effects: [{ seq: 2, nodeId: "h", type: "http", request: { method: "GET", url: "https://x", headers: {}, body: null, timeoutMs: 1000 } }] })] }) },
        { id: `http-${S}-2`, handler: () => ({ ok: true, status: 200, body: { s: 1 } }) },
        { id: `advance-${S}-2`, handler: advance },
        { id: `send-${S}-3`, handler: sendShipped },
      ],
    });
    expect(advance).toHaveBeenCalledTimes(1);
    expect(sendShipped).toHaveBeenCalledTimes(1);
    expect(result).toEqual(flowResult({ handled: true, log: [] }));
  });

  it("a timer is a durable sleep; a skipped send is logged; a jump starts the next plan", async () => {
    const sleeps: unknown[] = [];
    const { result } = await engine().execute({
      transformCtx: (ctx) => {
        ctx.step.sleep = (async (id: string, ms: number) => void sleeps.push([id, ms])) as never;
        return ctx;
      },
      steps: [
        ingest,
        { id: HANDLE, handler: () => ({ plans: [plan({ messages: [text(1, "Wait")], effects: [{ seq: 2, nodeId: "d", type: "timer", seconds: 30, reason: "delay" }] })] }) },
        { id: `send-${S}-1`, handler: () => ({ skipped: "outside_window" }) },
        { id: `advance-${S}-2`, handler: () => plan({ effects: [{ seq: 3, nodeId: "j", type: "jump", flowId: "f2", variables: {} }, { seq: 4, nodeId: "j", type: "end", reason: "jump" }] }) },
        { id: `jump-${S}-3`, handler: () => plan({ sessionId: "sess-2", messages: [text(1, "Other flow")] }) },
        { id: "send-sess-2-1", handler: () => accepted("m9") },
      ],
    });
    expect(sleeps).toEqual([[`timer-${S}-2`, 30_000]]);
    expect(result).toEqual(flowResult({ handled: true, log: ["message 1 skipped: outside_window", `session ${S} ended: jump`] }));
  });
});
