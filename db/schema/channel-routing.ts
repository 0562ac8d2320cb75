import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { organizations } from "./organizations";

/**
 * Per-organization routing rules between its numbers. `proactive_channel_id`: the number proactive messages
 * (notifications, campaigns, reminders) go through — e.g. an Evolution number for notices while the official one
 * receives — read by proactiveChannelFor (lib/channels/proactive-channel-for.ts). Null: no rule.
 */
export const channelRouting = pgTable("channel_routing", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  proactiveChannelId: uuid("proactive_channel_id").references(() => channels.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
