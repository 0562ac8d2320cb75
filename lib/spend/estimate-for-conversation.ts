import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { channels, contacts, conversations } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { notFound } from "@/lib/errors";
import { getTemplateOrThrow } from "@/lib/whatsapp/templates/get-template-or-throw";
import { canSendFreeform } from "@/lib/whatsapp/window/can-send-freeform";
import { estimateMessageCost, type CostEstimate } from "./estimate-message-cost";
import { toRateCardCategory } from "./rate-card-categories";

export type ConversationEstimate = {
  estimate: CostEstimate | null;
  /** Why there is no estimate: the channel is not billed by Meta (Evolution), or the contact has no phone number. */
  unavailable?: "no_meta_pricing" | "no_phone";
  windowOpen: boolean;
  windowExpiresAt: string | null;
  template: { id: string; name: string; category: string | null } | null;
};

/** What the next message in this conversation would cost: a template (by id) or, without one, a free-form message. */
export async function estimateForConversation(ctx: OrgContext, args: { conversationId: string; templateId?: string; now?: Date }): Promise<ConversationEstimate> {
  const now = args.now ?? new Date();
  const [row] = await getDb()
    .select({ conversation: conversations, phoneE164: contacts.phoneE164, waId: contacts.waId, provider: channels.provider })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.organizationId, ctx.org.id), eq(conversations.id, args.conversationId)));
  if (!row) throw notFound("Conversation");
  const template = args.templateId ? await getTemplateOrThrow(ctx.org.id, args.templateId) : null;
  const windowOpen = canSendFreeform(row.conversation, now);
  const base = {
    windowOpen,
    windowExpiresAt: row.conversation.windowExpiresAt?.toISOString() ?? null,
    template: template && { id: template.id, name: template.name, category: template.category },
  };
  if ((row.provider as string) === "evolution") return { estimate: null, unavailable: "no_meta_pricing", ...base };
  const toE164 = row.phoneE164 ?? (row.waId ? `+${row.waId}` : null);
  if (!toE164) return { estimate: null, unavailable: "no_phone", ...base };
  const category = template ? (toRateCardCategory(template.category) ?? "marketing") : "service";
  const estimate = await estimateMessageCost({ orgId: ctx.org.id, toE164, category, windowOpen, at: now, channelId: row.conversation.channelId });
  return { estimate, ...base };
}
