import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";

/**
 * What starts this flow for a conversation that has no live session. Several triggers may be listed; any one
 * matching starts the flow. The channel's default flow (channels.default_flow_id) needs no trigger here.
 */
export const startTrigger = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("keyword"),
    /** exact: the whole message equals a keyword; contains: a keyword appears in it; regex: `keywords[i]` is a pattern. */
    match: z.enum(["exact", "contains", "regex"]).default("exact"),
    keywords: z.array(z.string()).default([]),
    caseSensitive: z.boolean().default(false),
  }),
  /** The first message ever received from a contact (a new contact). */
  z.object({ kind: z.literal("first_message") }),
  /** Any message from a conversation without a live session. */
  z.object({ kind: z.literal("any_message") }),
  /** A reply to a campaign (optionally one campaign). */
  z.object({ kind: z.literal("campaign_reply"), campaignId: z.string().default("") }),
  /** Started through the API only. */
  z.object({ kind: z.literal("api") }),
]);
export type StartTrigger = z.infer<typeof startTrigger>;

export const startData = z.object({
  triggers: z.array(startTrigger).default([]),
});
export type StartData = z.infer<typeof startData>;

export function startExits(): ExitHandle[] {
  return [{ id: EXIT.next }];
}

export function startDefaultData(): StartData {
  // No trigger: the flow runs only as a channel's default flow (or by API / jump) until the designer adds one.
  return { triggers: [] };
}
