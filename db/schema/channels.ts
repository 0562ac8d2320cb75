import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, deletedAt, id, updatedAt } from "./columns";
import { organizations } from "./organizations";

export const channelProviderEnum = pgEnum("channel_provider", ["cloud", "sandbox", "evolution"]);
/** An Evolution (WhatsApp Web) instance's connection, as its gateway last reported it (CONNECTION_UPDATE). */
export const channelConnectionStateEnum = pgEnum("channel_connection_state", ["open", "connecting", "close"]);
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
    /** Secret-box ciphertext of the token Meta echoes in the subscription handshake (lib/channels/channel-verify-token.ts). */
    verifyTokenEncrypted: text("verify_token_encrypted"),
    /**
     * Legacy plaintext verify token: start-up moves it into verify_token_encrypted and clears it
     * (lib/channels/encrypt-legacy-verify-tokens.ts). New rows never set it.
     */
    verifyToken: text("verify_token"),
    /**
     * Proof of ownership (lib/channels/verify-channel-number.ts): set when the channel's access token could read the
     * number and the number belongs to the channel's WABA. Shared-app webhooks route only to verified channels.
     * Sandbox channels are Papo's own numbers: verified at creation.
     */
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** Meta's display number and verified business name, as read at the last successful verification. */
    verifiedDisplayPhoneNumber: text("verified_display_phone_number"),
    verifiedName: text("verified_name"),
    /** Why the last verification failed (Meta's error, explained); null after a success. */
    verificationError: text("verification_error"),
    verificationCheckedAt: timestamp("verification_checked_at", { withTimezone: true }),
    /** Set by the flows feature; no foreign key until that table exists. */
    defaultFlowId: uuid("default_flow_id"),
    /**
     * Evolution API numbers (lib/evolution): the gateway's base URL and the instance name. The gateway's API key is
     * kept in access_token_encrypted and the secret its webhooks carry (x-papo-webhook-secret) in
     * app_secret_encrypted; phone_number_id / waba_id hold a Papo-made `evo-<channel id>` so the Cloud-shaped
     * ingest routes their messages like any other number's.
     */
    evolutionBaseUrl: text("evolution_base_url"),
    evolutionInstance: text("evolution_instance"),
    connectionState: channelConnectionStateEnum("connection_state"),
    connectionStateAt: timestamp("connection_state_at", { withTimezone: true }),
    /** The QR code to scan (a data: URL) while the instance is not linked; cleared once it opens. */
    qrCode: text("qr_code"),
    qrCodeAt: timestamp("qr_code_at", { withTimezone: true }),
    /** Group messages reach flows and the inbox only when set (Evolution reports them; the Cloud API has none). */
    allowGroups: boolean("allow_groups").notNull().default(false),
    /**
     * Proactive pacing (lib/evolution/proactive-pacing.ts): an unofficial number that sends notices in a burst gets
     * banned, so proactive sends through an Evolution number are spaced by a random gap between these bounds, and
     * proactive_next_at is the earliest moment the next one may go (shared by every process through this row).
     */
    proactiveGapMinSeconds: integer("proactive_gap_min_seconds").notNull().default(3),
    proactiveGapMaxSeconds: integer("proactive_gap_max_seconds").notNull().default(8),
    proactiveNextAt: timestamp("proactive_next_at", { withTimezone: true }),
    status: channelStatusEnum("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    // Meta routes a shared-app webhook by phone_number_id, so one live *verified* channel per number across the
    // install. Unverified rows (legacy, or a failed re-verification) may share a number: they never get shared-app
    // webhooks, and a verified claim is never blocked by them (ARCHITECTURE.md, "Numbers belong to who proves them").
    uniqueIndex("channels_verified_phone_number_id_key").on(t.phoneNumberId).where(sql`deleted_at is null and verified_at is not null`),
    index("channels_phone_number_id_idx").on(t.phoneNumberId),
    index("channels_org_idx").on(t.organizationId),
    // One live channel per gateway instance: two would both answer its customers.
    uniqueIndex("channels_evolution_instance_key").on(t.evolutionBaseUrl, t.evolutionInstance).where(sql`deleted_at is null and evolution_instance is not null`),
  ],
);

export type Channel = typeof channels.$inferSelect;
