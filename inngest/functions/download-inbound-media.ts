import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { downloadInboundMedia, PermanentMediaError, recordMediaFailure } from "@/lib/media/download-inbound-media";
import { mediaStorageFor } from "@/lib/media/media-storage-for";
import { inngest, mediaReceived } from "../client";

/** Download attempts: 1 + MEDIA_RETRIES (the executor's backoff: 10 s·2ⁿ). Media ids from webhooks live 7 days. */
export const MEDIA_RETRIES = 4;

/**
 * The media of one inbound message: the `download` step fetches it from the Graph API with the channel's token,
 * sniffs the type from the bytes, checks it against Meta's allowed types and size caps, stores it (or blocks it)
 * and records the attachment on the message. Graph 5xx, timeouts and network errors throw and the step retries;
 * errors retrying cannot fix fail the step at once. When the step has finally failed, `record-failure` keeps the
 * attachment as `failed` with the reason. The message row exists before this runs and is never removed.
 *
 * Its own function (not steps of process-webhook-event) so a slow or retrying download never holds the
 * organization's webhook processing, which runs with concurrency 1 per organization.
 */
export const downloadInboundMediaFn = inngest.createFunction(
  {
    id: "download-inbound-media",
    triggers: [mediaReceived],
    retries: MEDIA_RETRIES,
    concurrency: { limit: 4, key: "event.data.organizationId" },
  },
  async ({ event, step }) => {
    const { organizationId, messageId } = event.data;
    try {
      return await step.run("download", async () => {
        try {
          return await downloadInboundMedia(getDb(), { organizationId, messageId, storage: mediaStorageFor() });
        } catch (err) {
          if (err instanceof PermanentMediaError) throw new NonRetriableError(err.message, { cause: err });
          throw err;
        }
      });
    } catch (err) {
      const reason = err instanceof Error && err.message ? err.message : "The download failed";
      return await step.run("record-failure", () => recordMediaFailure(getDb(), { organizationId, messageId, reason: `Download failed: ${reason}` }));
    }
  },
);
