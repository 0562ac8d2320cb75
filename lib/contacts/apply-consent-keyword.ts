import type { Tx } from "@/db";
import type { ContactConsentSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log/logger";
import { queueOutboundMessage } from "@/lib/messages/queue-outbound-message";
import { consentKeywordOf } from "./normalize-keyword";
import { consentSettingsOf } from "./consent-settings";
import { recordConsentChange } from "./record-consent-change";

export type ConsentConfirmation = { organizationId: string; conversationId: string; messageId: string; text: string };
export type ConsentKeywordOutcome = { skipped: string; confirmation: ConsentConfirmation | null };

/**
 * A customer's text that is exactly an opt-out (STOP, SAIR, …) or opt-in (START, VOLTAR) keyword of the
 * organization: the consent moves, the history records the message as evidence, and the caller (the flow turn)
 * does not hand the word to a flow. Runs in the flow turn's transaction; the confirmation is queued after it commits
 * (queueConsentConfirmation). Both are keyed by the message id, so a re-run changes and sends nothing twice.
 */
export async function applyConsentKeyword(
  tx: Tx,
  args: {
    organizationId: string;
    conversationId: string;
    contact: { id: string; blocked: boolean };
    message: { id: string; type: string; content: Record<string, unknown> };
    settings: Partial<ContactConsentSettings> | null;
  },
): Promise<ConsentKeywordOutcome | null> {
  if (args.message.type !== "text") return null;
  const text = (args.message.content as { text?: { body?: unknown } }).text?.body;
  if (typeof text !== "string") return null;
  const settings = consentSettingsOf(args.settings);
  const state = consentKeywordOf(text, settings);
  if (!state) return null;
  await recordConsentChange(tx, {
    organizationId: args.organizationId,
    contactId: args.contact.id,
    state,
    source: "keyword",
    evidence: { messageId: args.message.id, waMessageId: (args.message.content as { id?: unknown }).id ?? null, text: text.slice(0, 200) },
    dedupKey: `keyword:${args.message.id}`,
  });
  // A blocked contact's word is honoured, but nothing is sent to them.
  const confirmation = args.contact.blocked
    ? null
    : {
        organizationId: args.organizationId,
        conversationId: args.conversationId,
        messageId: args.message.id,
        text: state === "opted_out" ? settings.optOutConfirmation : settings.optInConfirmation,
      };
  return { skipped: state === "opted_out" ? "opt-out keyword: the contact opted out of marketing" : "opt-in keyword: the contact opted in to marketing", confirmation };
}

/**
 * The confirmation, through the one outbound path (stored, then the durable send-message run), keyed
 * `consent:<message id>` so a retried flow turn queues it once. A refusal (window closed, conversation gone) is
 * logged, not thrown: the consent change itself has committed and must not be retried away.
 */
export async function queueConsentConfirmation(c: ConsentConfirmation): Promise<void> {
  try {
    await queueOutboundMessage({
      organizationId: c.organizationId,
      conversationId: c.conversationId,
      message: { type: "text", body: c.text },
      sender: "bot",
      idempotencyKey: `consent:${c.messageId}`,
    });
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      log.warn({ err }, `consent confirmation for message ${c.messageId} not sent`);
      return;
    }
    throw err;
  }
}
