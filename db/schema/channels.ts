import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const channelProviderEnum = pgEnum("channel_provider", ["cloud", "sandbox"]);
export const channelStatusEnum = pgEnum("channel_status", ["active", "disabled"]);

/** A WhatsApp business number. Secrets are AES-256-GCM ciphertext (lib/crypto/secret-box.ts), never plaintext. */
export const channels = pgTable(
  "channels",
  {
    id: id(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    provider: channelProviderEnum("provider").notNull(),
    displayPhoneNumber: text("display_phone_number").notNull(),
    phoneNumberId: text("phone_number_id").notNull(),
    wabaId: text("waba_id").notNull(),
    accessTokenEncrypted: text("access_token_encrypted"),
    appSecretEncrypted: text("app_secret_encrypted"),
    verifyToken: text("verify_token").notNull(),
    /** Set by the flows feature; no foreign key until that table exists. */
    defaultFlowId: uuid("default_flow_id"),
    status: channelStatusEnum("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    // Meta routes a shared-app webhook by phone_number_id, so one live channel per number across the install.
    uniqueIndex("channels_phone_number_id_key").on(t.phoneNumberId).where(sql`deleted_at is null`),
    index("channels_org_idx").on(t.organizationId),
  ],
);

export type Channel = typeof channels.$inferSelect;
