import type { Conversation } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * The one answer, for the composer, flows and automations alike: may a free-form (non-template) message go to this
 * conversation now? Only while the customer-service window is open, i.e. within 24 h of the contact's last
 * message (`window_expires_at`, kept by the inbound side). Meta may still refuse with 131047 in rare cases.
 */
export function canSendFreeform(conversation: Pick<Conversation, "windowExpiresAt">, now: Date): boolean {
  return conversation.windowExpiresAt !== null && conversation.windowExpiresAt.getTime() > now.getTime();
}

export const OUTSIDE_WINDOW = "outside_window" as const;

/** A free-form message outside the 24-hour window. `reason` is what the UI turns into "send a template instead". */
export class OutsideWindowError extends AppError {
  readonly reason = OUTSIDE_WINDOW;
  constructor(readonly windowExpiresAt: Date | null) {
    super(
      "conflict",
      windowExpiresAt
        ? "The 24-hour window to reply to this contact closed; only an approved template can be sent now"
        : "This contact has not written yet, so there is no 24-hour window; only an approved template can be sent",
    );
    this.name = "OutsideWindowError";
  }
}

export function assertCanSendFreeform(conversation: Pick<Conversation, "windowExpiresAt">, now: Date): void {
  if (!canSendFreeform(conversation, now)) throw new OutsideWindowError(conversation.windowExpiresAt);
}
