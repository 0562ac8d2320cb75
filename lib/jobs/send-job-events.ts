import { inngest } from "@/inngest/client";
import type { JobEvent } from "./job-event";

/**
 * Sends events to durable work after the caller's writes committed (the embedded executor stores them in-process;
 * Inngest Cloud or a self-hosted server over HTTP). The client validates each against its schema.
 */
export async function sendJobEvents(events: JobEvent | JobEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length) await inngest.send(list as Parameters<typeof inngest.send>[0]);
}
