import { and, eq, notLike, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { channels, contacts, flowGlobals } from "@/db/schema";
import type { EngineContext } from "../engine/engine-types";

/** What {{contact.*}}, {{globals.*}} and {{system.*}} read for one conversation's contact, now. */
export async function loadEngineContext(organizationId: string, contactId: string, channelId: string, now: Date, db: Db | Tx = getDb()): Promise<EngineContext> {
  // One statement on every engine turn's path: the contact, with the channel's name and the globals beside it.
  const [row] = await db
    .select({ contact: contacts, ...engineContextColumns(organizationId, channelId) })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.id, contactId)));
  if (row) return contextOf(row.contact, row.globals ?? {}, row.channelName, now);
  // The contact is gone: the globals and the channel still count.
  const [globals, [channel]] = await Promise.all([
    db
      .select({ name: flowGlobals.name, value: flowGlobals.value })
      .from(flowGlobals)
      // Reserved rows (papo:…) hold settings, never values a flow may read.
      .where(and(eq(flowGlobals.organizationId, organizationId), notLike(flowGlobals.name, "%:%"))),
    db.select({ name: channels.name }).from(channels).where(and(eq(channels.organizationId, organizationId), eq(channels.id, channelId))),
  ]);
  return contextOf(undefined, Object.fromEntries(globals.map((g) => [g.name, g.value])), channel?.name ?? null, now);
}

/**
 * The channel's name and the organization's globals as columns of a select: the flow turn reads them with the
 * conversation and contact it locks (handle-inbound-message.ts), so a turn costs no statement for its context.
 */
export const engineContextColumns = (organizationId: string, channelId: string) => ({
  channelName: sql<string | null>`(select c.name from channels c where c.organization_id = ${organizationId} and c.id = ${channelId})`,
  // Reserved rows (papo:…) hold settings, never values a flow may read.
  globals: sql<Record<string, string> | null>`(select json_object_agg(g.name, g.value) from flow_globals g where g.organization_id = ${organizationId} and g.name not like '%:%')`,
});

export function contextOf(contact: typeof contacts.$inferSelect | undefined, globals: Record<string, string>, channelName: string | null, now: Date): EngineContext {
  const name = contact?.name ?? contact?.profileName ?? "";
  return {
    contact: {
      ...(contact?.attributes ?? {}),
      name,
      first_name: name.split(/\s+/)[0] ?? "",
      phone: contact?.phoneE164 ?? (contact?.waId ? `+${contact.waId}` : ""),
      wa_id: contact?.waId ?? "",
      profile_name: contact?.profileName ?? "",
      email: contact?.email ?? "",
    },
    globals,
    system: { now: now.toISOString(), channel: channelName ?? "", last_input: "" },
  };
}
