import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { contactConsentEvents, contacts, type ConsentSource } from "@/db/schema";

export type ConsentChange = {
  organizationId: string;
  contactId: string;
  state: "opted_in" | "opted_out" | "unknown";
  source: ConsentSource;
  evidence: Record<string, unknown>;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  /** The same key twice (a redelivered webhook, a retried step) records and changes nothing the second time. */
  dedupKey?: string | null;
};

/**
 * Moves a contact's CURRENT marketing consent (`contacts.opt_in`, what sendRefusal reads) and appends the history
 * row with its source and evidence, in the caller's transaction. Returns false when the dedup key was already used.
 */
export async function recordConsentChange(tx: Db | Tx, change: ConsentChange): Promise<boolean> {
  const [event] = await tx
    .insert(contactConsentEvents)
    .values({
      organizationId: change.organizationId,
      contactId: change.contactId,
      purpose: "marketing",
      state: change.state,
      source: change.source,
      evidence: change.evidence,
      actorUserId: change.actorUserId ?? null,
      actorApiKeyId: change.actorApiKeyId ?? null,
      dedupKey: change.dedupKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: contactConsentEvents.id });
  if (!event) return false;
  await tx
    .update(contacts)
    .set({ optIn: change.state })
    .where(and(eq(contacts.organizationId, change.organizationId), eq(contacts.id, change.contactId)));
  return true;
}
