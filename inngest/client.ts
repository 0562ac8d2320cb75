import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { inngestClientOptions } from "./mode";

/** Papo's events. Functions trigger on these and send() validates against them. */
export const webhookReceived = eventType("papo/webhook.received", {
  schema: z.object({ webhookEventId: z.uuid() }),
});
export const testPing = eventType("papo/test.ping", {
  schema: z.object({ message: z.string().optional() }),
});

/** The one Inngest client. Mode (cloud / self-hosted / embedded) is decided lazily by inngest/mode.ts. */
export const inngest = new Inngest(inngestClientOptions("papo"));
