import { z } from "zod";
import { eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { inboxSettings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { OrgContext } from "@/lib/auth/org-context";

/** The organization's inbox rules; an organization that never saved them has the defaults. */
export type InboxSettings = { replyAssigns: boolean };

export const DEFAULT_INBOX_SETTINGS: InboxSettings = { replyAssigns: true };

export const updateInboxSettingsInput = z.object({ replyAssigns: z.boolean().optional() }).strict();

export async function getInboxSettings(organizationId: string, db: Db | Tx = getDb()): Promise<InboxSettings> {
  const [row] = await db.select().from(inboxSettings).where(eq(inboxSettings.organizationId, organizationId));
  return row ? { replyAssigns: row.replyAssigns } : DEFAULT_INBOX_SETTINGS;
}

/** Saves a change (only the fields given) and audits it, in one transaction. */
export async function updateInboxSettings(ctx: Pick<OrgContext, "org" | "actor">, input: z.infer<typeof updateInboxSettingsInput>): Promise<InboxSettings> {
  return getDb().transaction(async (tx) => {
    const next = { ...(await getInboxSettings(ctx.org.id, tx)), ...input };
    await tx
      .insert(inboxSettings)
      .values({ organizationId: ctx.org.id, ...next })
      .onConflictDoUpdate({ target: inboxSettings.organizationId, set: { ...next, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "inbox_settings.updated", targetType: "inbox_settings", metadata: { ...input } });
    return next;
  });
}
