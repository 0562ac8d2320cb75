import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { contacts } from "@/db/schema";

export type ContactIdentity = {
  organizationId: string;
  channelId: string;
  /** wa_id / from as Meta sent it (digits), absent for username users. */
  waId: string | null;
  /** Business-scoped user id (BSUID), absent on older payloads. */
  userId: string | null;
  /** normalizePhone(waId): the canonical E.164 that makes "+55 DD 9XXXX-XXXX" and "+55 DD XXXX-XXXX" one person. */
  phoneE164: string | null;
  profileName: string | null;
  inboundAt: Date | null;
};

/**
 * Finds the contact by BSUID, canonical phone or wa_id (in that order of preference) and fills in what it did not
 * know yet; creates it otherwise. Never overwrites a known identity with another one: a changed number arrives as
 * a `system` message, not as a silent rewrite (apply-number-change.ts). Callers hold the person's identity locks
 * (lock-contact-identities.ts), so the lookup-then-insert has no concurrent twin; a unique-index conflict re-reads.
 */
export async function upsertContact(db: Db, who: ContactIdentity): Promise<{ id: string; created: boolean; blocked: boolean }> {
  const found = await findContact(db, who);
  if (found) {
    await db
      .update(contacts)
      .set({
        waId: sql`coalesce(${contacts.waId}, ${who.waId})`,
        userId: sql`coalesce(${contacts.userId}, ${who.userId})`,
        phoneE164: sql`coalesce(${contacts.phoneE164}, ${who.phoneE164})`,
        ...(who.profileName ? { profileName: who.profileName } : {}),
        ...(who.inboundAt ? { lastInboundAt: sql`greatest(${contacts.lastInboundAt}, ${who.inboundAt.toISOString()}::timestamptz)` } : {}),
      })
      .where(and(eq(contacts.organizationId, who.organizationId), eq(contacts.id, found.id)));
    return { id: found.id, created: false, blocked: found.blocked };
  }
  const [inserted] = await db
    .insert(contacts)
    .values({
      organizationId: who.organizationId,
      channelId: who.channelId,
      waId: who.waId,
      userId: who.userId,
      phoneE164: who.phoneE164,
      profileName: who.profileName,
      lastInboundAt: who.inboundAt,
    })
    .onConflictDoNothing()
    .returning({ id: contacts.id });
  if (inserted) return { id: inserted.id, created: true, blocked: false };
  const again = await findContact(db, who);
  if (!again) throw new Error("Contact insert conflicted but no contact matches");
  return { id: again.id, created: false, blocked: again.blocked };
}

async function findContact(db: Db, who: ContactIdentity): Promise<{ id: string; blocked: boolean } | null> {
  const matches: SQL[] = [];
  if (who.userId) matches.push(eq(contacts.userId, who.userId));
  if (who.phoneE164) matches.push(eq(contacts.phoneE164, who.phoneE164));
  if (who.waId) matches.push(eq(contacts.waId, who.waId));
  if (matches.length === 0) return null;
  const [row] = await db
    .select({ id: contacts.id, blocked: contacts.blocked })
    .from(contacts)
    .where(
      and(
        eq(contacts.organizationId, who.organizationId),
        eq(contacts.channelId, who.channelId),
        isNull(contacts.deletedAt),
        or(...matches),
      ),
    )
    .orderBy(...(who.userId ? [desc(sql`(${contacts.userId} = ${who.userId})`)] : []), contacts.createdAt)
    .limit(1);
  return row ?? null;
}
