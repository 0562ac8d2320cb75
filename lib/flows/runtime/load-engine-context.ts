import { and, eq, notLike } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { channels, contacts, flowGlobals } from "@/db/schema";
import type { EngineContext } from "../engine/engine-types";

/** What {{contact.*}}, {{globals.*}} and {{system.*}} read for one conversation's contact, now. */
export async function loadEngineContext(organizationId: string, contactId: string, channelId: string, now: Date, db: Db | Tx = getDb()): Promise<EngineContext> {
  const [[contact], globals, [channel]] = await Promise.all([
    db.select().from(contacts).where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId))),
    db
      .select({ name: flowGlobals.name, value: flowGlobals.value })
      .from(flowGlobals)
      // Reserved rows (papo:…) hold settings, never values a flow may read.
      .where(and(eq(flowGlobals.organizationId, organizationId), notLike(flowGlobals.name, "%:%"))),
    db.select({ name: channels.name }).from(channels).where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId))),
  ]);
  const name = contact?.name ?? contact?.profileName ?? "";
  return {
    contact: {
      ...(contact?.attributes ?? {}),
      name,
      first_name: name.split(/\s+/)[0] ?? "",
      phone: contact?.phoneE164 ?? (contact?.waId ? `+${contact.waId}` : ""),
      wa_id: contact?.waId ?? "",
      profile_name: contact?.profileName ?? "",
    },
    globals: Object.fromEntries(globals.map((g) => [g.name, g.value])),
    system: { now: now.toISOString(), channel: channel?.name ?? "", last_input: "" },
  };
}
