/**
 * The message Papo sends is channel-neutral and lives in lib/messages/neutral; the Graph API client and the
 * modules that predate it import it from here. New code imports `@/lib/messages/neutral/neutral-message`.
 */
export * from "@/lib/messages/neutral/neutral-message";
