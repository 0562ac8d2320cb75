import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { channels } from "@/db/schema";
import { conflict } from "@/lib/errors";

/** Webhooks are routed by phone_number_id, so one live channel per number across every organization. */
export async function assertPhoneNumberIdFree(tx: Tx, phoneNumberId: string, exceptChannelId?: string) {
  const [taken] = await tx
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        eq(channels.phoneNumberId, phoneNumberId),
        isNull(channels.deletedAt),
        exceptChannelId ? ne(channels.id, exceptChannelId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw conflict("This phone number ID is already connected", "phoneNumberId");
}
