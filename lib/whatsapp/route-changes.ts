import { and, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db";
import { channels } from "@/db/schema";
import type { WebhookEnvelope } from "./webhook/envelope-schema";

export type RoutedChange = {
  entryIndex: number;
  changeIndex: number;
  field: string;
  wabaId: string;
  organizationId: string | null;
  channelId: string | null;
  /** The channel is `disabled`: its changes are stored but never applied (WEBHOOKS.md, "Disabled channels"). */
  disabled?: boolean;
  /**
   * The only channel with this number (or WABA) has not proven it with Meta: the shared-app endpoint must not route
   * the change to it (receive-shared-webhook.ts keeps it unrouted); a per-channel URL, signed with that channel's
   * own app secret, still may.
   */
  unverified?: boolean;
};

/**
 * Which organization and channel each change belongs to: by `value.metadata.phone_number_id` when the change has
 * one (messages, statuses), else by WABA id (`entry[].id`: template and account webhooks, which Meta always sends
 * to the app's default URL). A verified channel wins over unverified ones with the same number (a number belongs to
 * whoever proved it); among equals, the oldest live channel. Unknown numbers route to null: the caller keeps them
 * as unrouted.
 */
export async function routeChanges(db: Db, envelope: WebhookEnvelope): Promise<RoutedChange[]> {
  const changes = envelope.entry.flatMap((entry, entryIndex) =>
    entry.changes.map((change, changeIndex) => ({
      entryIndex,
      changeIndex,
      field: change.field,
      wabaId: entry.id,
      phoneNumberId: phoneNumberIdOf(change.value),
    })),
  );
  const numbers = [...new Set(changes.flatMap((c) => (c.phoneNumberId ? [c.phoneNumberId] : [])))];
  const wabas = [...new Set(changes.filter((c) => !c.phoneNumberId).map((c) => c.wabaId))];
  const live = numbers.length || wabas.length
    ? await db
        .select({
          id: channels.id,
          organizationId: channels.organizationId,
          phoneNumberId: channels.phoneNumberId,
          wabaId: channels.wabaId,
          status: channels.status,
          verifiedAt: channels.verifiedAt,
          createdAt: channels.createdAt,
        })
        .from(channels)
        .where(
          and(
            isNull(channels.deletedAt),
            or(
              numbers.length ? inArray(channels.phoneNumberId, numbers) : undefined,
              wabas.length ? inArray(channels.wabaId, wabas) : undefined,
            ),
          ),
        )
    : [];
  const candidates = live
    .filter((c) => numbers.includes(c.phoneNumberId) || wabas.includes(c.wabaId))
    .sort((a, b) => Number(!a.verifiedAt) - Number(!b.verifiedAt) || a.createdAt.getTime() - b.createdAt.getTime());
  return changes.map(({ phoneNumberId, ...c }) => {
    const channel = phoneNumberId
      ? candidates.find((x) => x.phoneNumberId === phoneNumberId)
      : candidates.find((x) => x.wabaId === c.wabaId);
    return {
      ...c,
      organizationId: channel?.organizationId ?? null,
      channelId: channel?.id ?? null,
      ...(channel?.status === "disabled" ? { disabled: true } : {}),
      ...(channel && !channel.verifiedAt ? { unverified: true } : {}),
    };
  });
}

function phoneNumberIdOf(value: unknown): string | null {
  const id = (value as { metadata?: { phone_number_id?: unknown } } | null)?.metadata?.phone_number_id;
  return typeof id === "string" && id ? id : null;
}
