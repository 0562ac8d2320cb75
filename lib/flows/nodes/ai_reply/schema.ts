import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { optionalVariableName } from "../item-id";

/**
 * Asks the organization's OpenAI-compatible chat-completions endpoint. `prompt` (with {{variables}}) is the user
 * message; the answer is sent to the customer when `sendReply` and stored in `variable`. "failure" when the
 * organization has no AI endpoint configured or the call fails.
 */
export const aiReplyData = z.object({
  systemPrompt: z.string().default(""),
  prompt: z.string().default("{{system.last_input}}"),
  /** Overrides the organization's default model when not empty. */
  model: z.string().default(""),
  temperature: z.number().min(0).max(2).default(0.7),
  maxTokens: z.number().int().min(1).max(4096).default(500),
  sendReply: z.boolean().default(true),
  variable: optionalVariableName,
});
export type AiReplyData = z.infer<typeof aiReplyData>;

export function aiReplyExits(): ExitHandle[] {
  return [{ id: EXIT.success }, { id: EXIT.failure }];
}

export function aiReplyDefaultData(): AiReplyData {
  return { systemPrompt: "", prompt: "{{system.last_input}}", model: "", temperature: 0.7, maxTokens: 500, sendReply: true, variable: "" };
}
