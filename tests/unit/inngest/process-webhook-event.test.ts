import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { processWebhookEvent } from "@/inngest/functions/process-webhook-event";

// Step handlers are mocked: these tests pin the function's control flow, the integration tests its database work.
const id = "0b6c3c2e-8f7a-4c39-9d55-2f1f2b6a8d10";
const engine = () =>
  new InngestTestEngine({
    function: processWebhookEvent,
    events: [{ name: "papo/webhook.received", data: { webhookEventId: id } }],
  });

describe("process-webhook-event", () => {
  it("ingests the webhook in one step and sends nothing when nothing follows", async () => {
    const send = vi.fn(() => undefined);
    const { result } = await engine().execute({
      steps: [
        { id: "ingest-webhook", handler: () => ({ status: "processed", events: [] }) },
        { id: "follow-up-events", handler: send },
      ],
    });
    expect(result).toEqual({ webhookEventId: id, status: "processed" });
    expect(send).not.toHaveBeenCalled();
  });

  it("sends the follow-up events the ingest step returned, in one step", async () => {
    const events = [{ id: "media-received-x", name: "papo/media.received", data: {} }];
    const send = vi.fn(() => ({ ids: ["media-received-x"] }));
    const { result } = await engine().execute({
      steps: [
        { id: "ingest-webhook", handler: () => ({ status: "processed", events }) },
        { id: "follow-up-events", handler: send },
      ],
    });
    expect(result).toEqual({ webhookEventId: id, status: "processed" });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("handles a customer message in this run instead of sending papo/message.received", async () => {
    const data = { organizationId: id, channelId: id, conversationId: id, contactId: id, messageId: id };
    const send = vi.fn(() => ({ ids: [] }));
    const handle = vi.fn(() => ({ skipped: "no flow for this message" }));
    const { result } = await engine().execute({
      steps: [
        { id: "ingest-webhook", handler: () => ({ status: "processed", events: [{ id: `message-received-${id}`, name: "papo/message.received", data }] }) },
        { id: "follow-up-events", handler: send },
        { id: `handle-${id}`, handler: handle },
      ],
    });
    expect(send).not.toHaveBeenCalled();
    expect(handle).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ webhookEventId: id, status: "processed", flows: [{ messageId: id, skipped: "no flow for this message" }] });
  });

  it("does nothing twice: an already processed webhook is left alone", async () => {
    const { result } = await engine().execute({
      steps: [{ id: "ingest-webhook", handler: () => ({ status: "already-processed", events: [] }) }],
    });
    expect(result).toEqual({ webhookEventId: id, status: "already-processed" });
  });

  it("fails without retries when the row does not exist", async () => {
    const { error } = await engine().execute({ steps: [{ id: "ingest-webhook", handler: () => null }] });
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining(id) });
  });
});
