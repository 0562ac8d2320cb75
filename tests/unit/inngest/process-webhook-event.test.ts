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
  it("marks a received webhook processed", async () => {
    const mark = vi.fn(() => undefined);
    const { result } = await engine().execute({
      steps: [
        { id: "load-webhook-event", handler: () => ({ id, status: "received" }) },
        { id: "mark-processed", handler: mark },
      ],
    });
    expect(result).toEqual({ webhookEventId: id, status: "processed" });
    expect(mark).toHaveBeenCalledTimes(1);
  });

  it("does nothing twice: an already processed webhook is left alone", async () => {
    const mark = vi.fn(() => undefined);
    const { result } = await engine().execute({
      steps: [
        { id: "load-webhook-event", handler: () => ({ id, status: "processed" }) },
        { id: "mark-processed", handler: mark },
      ],
    });
    expect(result).toEqual({ webhookEventId: id, status: "already-processed" });
    expect(mark).not.toHaveBeenCalled();
  });

  it("fails without retries when the row does not exist", async () => {
    const { error } = await engine().execute({ steps: [{ id: "load-webhook-event", handler: () => null }] });
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining(id) });
  });
});
