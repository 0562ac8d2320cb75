import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels } from "@/db/schema";

/**
 * Reserves the moment one proactive message (a notification, a campaign's, a reminder) may go through a channel,
 * and returns it — or null when the channel is not paced (only Evolution numbers are: WhatsApp bans an unofficial
 * number that sends notices in a burst; the Cloud API has its own rate, kept by send-message's throttle).
 *
 * Slots are spaced by a random gap between the channel's proactive_gap_min/max_seconds, so the rhythm does not look
 * like a machine's. The channel row holds the next free moment and is locked while a slot is taken, so every
 * process and executor shares one queue per number. The caller sleeps until the slot durably (step.sleepUntil) and
 * must take it inside a memoized step, so a retried run keeps its slot instead of taking another.
 */
export async function reserveProactiveSlot(organizationId: string, channelId: string, now: Date, random: () => number = Math.random): Promise<Date | null> {
  return getDb().transaction(async (tx) => {
    const [channel] = await tx
      .select({ provider: channels.provider, min: channels.proactiveGapMinSeconds, max: channels.proactiveGapMaxSeconds, nextAt: channels.proactiveNextAt })
      .from(channels)
      .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId)))
      .for("update");
    if (!channel || channel.provider !== "evolution") return null;
    const slot = channel.nextAt && channel.nextAt > now ? channel.nextAt : now;
    const gapMs = Math.round((channel.min + random() * Math.max(0, channel.max - channel.min)) * 1000);
    await tx
      .update(channels)
      .set({ proactiveNextAt: new Date(slot.getTime() + gapMs) })
      .where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId)));
    return slot;
  });
}
