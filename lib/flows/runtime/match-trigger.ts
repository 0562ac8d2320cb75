import type { StartTrigger } from "../nodes/start/schema";

export type TriggerFacts = { text: string; isFirstMessage: boolean; campaignId: string | null };

/** How specific a match is: keyword beats campaign reply beats first message beats any message. */
export const TRIGGER_RANK = { keyword: 0, campaign_reply: 1, first_message: 2, any_message: 3, api: 99 } as const;

/** Whether one start-node trigger fires for an inbound message (api triggers never do). */
export function matchTrigger(trigger: StartTrigger, facts: TriggerFacts): boolean {
  switch (trigger.kind) {
    case "keyword": {
      const text = trigger.caseSensitive ? facts.text.trim() : facts.text.trim().toLowerCase();
      return trigger.keywords.some((raw) => {
        const k = trigger.caseSensitive ? raw.trim() : raw.trim().toLowerCase();
        if (!k) return false;
        if (trigger.match === "exact") return text === k;
        if (trigger.match === "contains") return text.includes(k);
        try {
          return new RegExp(raw, trigger.caseSensitive ? "" : "i").test(facts.text);
        } catch {
          return false;
        }
      });
    }
    case "first_message":
      return facts.isFirstMessage;
    case "any_message":
      return true;
    case "campaign_reply":
      return facts.campaignId !== null && (!trigger.campaignId || trigger.campaignId === facts.campaignId);
    case "api":
      return false;
  }
}
