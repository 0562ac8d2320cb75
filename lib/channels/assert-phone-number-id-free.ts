import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { channels } from "@/db/schema";
import { conflict } from "@/lib/errors";

/**
 * Webhooks are routed by phone_number_id, so one live *verified* channel per number across every organization
 * (the partial unique index channels_verified_phone_number_id_key has the last word on races). An unverified
 * channel never blocks a verified claim: whoever proves the number with Meta gets it.
 */
export async function assertPhoneNumberIdFree(tx: Tx, phoneNumberId: string, exceptChannelId?: string) {
  const [taken] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        eq(channels.phoneNumberId, phoneNumberId),
        isNull(channels.deletedAt),
        isNotNull(channels.verifiedAt),
        exceptChannelId ? ne(channels.id, exceptChannelId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw conflict("This phone number ID is already connected and verified", "phoneNumberId");
}
