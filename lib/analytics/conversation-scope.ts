import { sql, type SQL } from "drizzle-orm";

/**
 * Which conversations analytics counts — the ONE place that decides it, so every measure agrees: the
 * organization's, on one number when a channel is picked. Queries alias conversations as `c`. (When conversations
 * get a test marker, excluding them belongs here.)
 */
export function conversationScope(organizationId: string, channelId: string | null): SQL {
  return sql`c.organization_id = ${organizationId}${channelId ? sql` and c.channel_id = ${channelId}` : sql``}`;
}
