import type { AiRequestSpec } from "../../engine/engine-types";
import type { FlowRuntimeSettings } from "../flow-runtime-settings";
import { performHttpRequest } from "./perform-http-request";

export type AiResult = { ok: boolean; text?: string; error?: string };

export const AI_NOT_CONFIGURED = "AI replies are off: this organization has no AI endpoint configured (flow runtime settings: an OpenAI-compatible base URL, model and key)";

/**
 * One chat-completions call to the organization's OpenAI-compatible endpoint (POST {baseUrl}/chat/completions).
 * Goes through the HTTP node's guard (the endpoint is an admin's choice, so private addresses follow the same
 * organization flag). Never throws: no configuration or a failed call is a result for the "failure" exit.
 */
export async function performAiRequest(spec: AiRequestSpec, settings: FlowRuntimeSettings): Promise<AiResult> {
  if (!settings.ai) return { ok: false, error: AI_NOT_CONFIGURED };
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (settings.ai.apiKey) headers.authorization = `Bearer ${settings.ai.apiKey}`;
  const res = await performHttpRequest(
    {
      method: "POST",
      url: `${settings.ai.baseUrl.replace(/\/+$/, "")}/chat/completions`,
      headers,
      body: JSON.stringify({ model: spec.model || settings.ai.model, messages: spec.messages, temperature: spec.temperature, max_tokens: spec.maxTokens }),
      timeoutMs: 30_000,
    },
    { allowPrivate: settings.allowPrivateHttp },
  );
  if (!res.ok) return { ok: false, error: res.error ?? `The AI endpoint answered ${res.status}` };
  const text = (res.body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  return typeof text === "string" && text.trim() ? { ok: true, text } : { ok: false, error: "The AI endpoint's answer has no message" };
}
