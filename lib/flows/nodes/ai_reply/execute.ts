import type { NodeExecutor } from "../../engine/engine-types";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { interpolate } from "../../variables/interpolate";
import { EXIT } from "../exit-handle";
import type { AiReplyData } from "./schema";

/**
 * Asks the runtime to call the organization's chat-completions endpoint; the answer is sent (when `sendReply`)
 * and stored. Not configured / failed → "failure" (the runtime's result says why).
 */
export const executeAiReply: NodeExecutor<AiReplyData> = ({ data, input, scope }) => {
  if (!input) {
    const system = interpolate(data.systemPrompt, scope).trim();
    return {
      next: "wait",
      kind: "ai",
      effect: {
        type: "ai",
        request: {
          model: data.model.trim(),
          temperature: data.temperature,
          maxTokens: data.maxTokens,
          messages: [...(system ? [{ role: "system" as const, content: system }] : []), { role: "user", content: interpolate(data.prompt, scope).trim() }],
        },
      },
    };
  }
  if (input.type !== "ai_result") return { next: "wait", kind: "ai" };
  const text = (input.text ?? "").trim();
  if (!input.ok || !text) return { next: "exit", exit: EXIT.failure };
  const body = Array.from(text).slice(0, WA_LIMITS.textBody).join("");
  return {
    messages: data.sendReply ? [{ type: "text", body }] : [],
    setVariables: data.variable ? { [data.variable]: text } : undefined,
    next: "exit",
    exit: EXIT.success,
  };
};
