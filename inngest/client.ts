import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { inngestClientOptions } from "./mode";

/**
 * Papo's events. Functions trigger on these and send() validates against them. An event that concerns an
 * organization carries its `organizationId`: the executor files the event and its runs under it, which is what
 * lets the organization's admins (and only them) see those runs.
 */
export const webhookReceived = eventType("papo/webhook.received", {
  schema: z.object({ webhookEventId: z.uuid(), organizationId: z.uuid().optional() }),
});
export const testPing = eventType("papo/test.ping", {
  schema: z.object({ message: z.string().optional(), organizationId: z.uuid().optional() }),
});

/** The one Inngest client. Mode (cloud / self-hosted / embedded) is decided lazily by inngest/mode.ts. */
export const inngest = new Inngest(inngestClientOptions("papo"));
