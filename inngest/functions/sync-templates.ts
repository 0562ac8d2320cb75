import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { getDb } from "@/db";
import { channels } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";
import { syncTemplatesForChannel } from "@/lib/whatsapp/templates/sync-templates";
import { inngest, templatesSync } from "../client";

/**
 * Mirrors one channel's templates from Meta (lib/whatsapp/templates/sync-templates.ts). Triggered on demand (the
 * API), by the template status webhook for a template Papo does not know, and by sync-all-templates. One sync per
 * channel at a time; listing is a read, so every transient failure is simply retried, while a permanent one
 * (bad token, channel gone or turned into a sandbox) fails the run at once.
 */
export const syncTemplatesFunction = inngest.createFunction(
  {
    id: "sync-templates",
    triggers: [templatesSync],
    concurrency: { limit: 1, key: "event.data.channelId" },
    retries: 3,
  },
  async ({ event, step }) => {
    const { organizationId, channelId } = event.data;
    return step.run("sync", async () => {
      try {
        return await syncTemplatesForChannel(organizationId, channelId);
      } catch (err) {
        if (err instanceof AppError) throw new NonRetriableError(err.message, { cause: err });
        if (err instanceof GraphApiError && err.retry === "never") throw new NonRetriableError(`${err.title} (${err.explanation})`, { cause: err });
        throw err;
      }
    });
  },
);

/** Every 6 hours: one papo/templates.sync per live, active cloud channel (webhooks can be missed). */
export const syncAllTemplates = inngest.createFunction(
  { id: "sync-all-templates", triggers: [{ cron: "0 */6 * * *" }] },
  async ({ step }) => {
    const targets = await step.run("list-channels", () =>
      getDb()
        .select({ organizationId: channels.organizationId, channelId: channels.id })
        .from(channels)
        .where(and(eq(channels.provider, "cloud"), eq(channels.status, "active"), isNull(channels.deletedAt), isNotNull(channels.accessTokenEncrypted))),
    );
    if (targets.length) {
      await step.sendEvent(
        "fan-out",
        targets.map((t) => ({ name: "papo/templates.sync" as const, data: t })),
      );
    }
    return { channels: targets.length };
  },
);
