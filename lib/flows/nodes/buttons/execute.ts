import type { NodeExecutor, NodeOutcome } from "../../engine/engine-types";
import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import type { VariableScope } from "../../variables/variable-scope";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { matchChoice } from "../choice-input";
import { EXIT } from "../exit-handle";
import { renderText } from "../render-text";
import type { ButtonsData } from "./schema";

/** Sends the buttons and waits; a tap (or the title / number typed) leaves by that button; else re-prompt, then "fallback". */
export const executeButtons: NodeExecutor<ButtonsData> = ({ data, input, retries, scope }): NodeOutcome => {
  if (!input) return { messages: [buttonsMessage(data, scope)], next: "wait", kind: "input" };
  if (input.type !== "message") return { next: "wait", kind: "input" };
  const chosen = matchChoice(input, data.buttons);
  if (chosen) return { setVariables: data.variable ? { [data.variable]: chosen.title } : undefined, retries: 0, next: "exit", exit: chosen.id };
  if (retries < data.maxRetries) {
    const retry = renderText(data.retryMessage, scope, WA_LIMITS.textBody);
    return { messages: [...(retry ? [{ type: "text" as const, body: retry }] : []), buttonsMessage(data, scope)], retries: retries + 1, next: "wait", kind: "input" };
  }
  return { retries: 0, next: "exit", exit: EXIT.fallback };
};

function buttonsMessage(data: ButtonsData, scope: VariableScope): OutboundMessageInput {
  const header = renderText(data.header, scope, WA_LIMITS.headerText);
  const footer = renderText(data.footer, scope, WA_LIMITS.footer);
  return {
    type: "buttons",
    body: renderText(data.body, scope, WA_LIMITS.interactiveBody) || "…",
    ...(header ? { header: { type: "text" as const, text: header } } : {}),
    ...(footer ? { footer } : {}),
    buttons: data.buttons.slice(0, WA_LIMITS.buttons).map((b) => ({ id: b.id, title: renderText(b.title, scope, WA_LIMITS.buttonTitle) })),
  };
}
