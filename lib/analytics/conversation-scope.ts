import { sql, type SQL } from "drizzle-orm";

/**
 * Which conversations analytics counts — the ONE place that decides it, so every measure agrees: the
 * organization's, on one number when a channel is picked, never a flow editor's test conversation
 * (`conversations.is_test`: the test phone's customers are no one's workload). Queries alias conversations as `c`.
 */
export function conversationScope(organizationId: string, channelId: string | null): SQL {
  return sql`c.organization_id = ${organizationId} and not c.is_test${channelId ? sql` and c.channel_id = ${channelId}` : sql``}`;
}
