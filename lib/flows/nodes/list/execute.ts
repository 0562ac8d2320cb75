import type { NodeExecutor, NodeOutcome } from "../../engine/engine-types";
import type { OutboundMessageInput } from "@/lib/messages/neutral/neutral-message";
import type { VariableScope } from "../../variables/variable-scope";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { matchChoice } from "../choice-input";
import { EXIT } from "../exit-handle";
import { renderText } from "../render-text";
import type { ListData } from "./schema";

/** Sends the list and waits; a row picked (or its title / number typed) leaves by that row; else re-prompt, then "fallback". */
export const executeList: NodeExecutor<ListData> = ({ data, input, retries, scope }): NodeOutcome => {
  if (!input) return { messages: [listMessage(data, scope)], next: "wait", kind: "input" };
  if (input.type !== "message") return { next: "wait", kind: "input" };
  const chosen = matchChoice(input, data.sections.flatMap((s) => s.rows));
  if (chosen) return { setVariables: data.variable ? { [data.variable]: chosen.title } : undefined, retries: 0, next: "exit", exit: chosen.id };
  if (retries < data.maxRetries) {
    const retry = renderText(data.retryMessage, scope, WA_LIMITS.textBody);
    return { messages: [...(retry ? [{ type: "text" as const, body: retry }] : []), listMessage(data, scope)], retries: retries + 1, next: "wait", kind: "input" };
  }
  return { retries: 0, next: "exit", exit: EXIT.fallback };
};

function listMessage(data: ListData, scope: VariableScope): OutboundMessageInput {
  const header = renderText(data.header, scope, WA_LIMITS.headerText);
  const footer = renderText(data.footer, scope, WA_LIMITS.footer);
  const several = data.sections.length > 1;
  return {
    type: "list",
    body: renderText(data.body, scope, WA_LIMITS.listBody) || "…",
    ...(header ? { header } : {}),
    ...(footer ? { footer } : {}),
    button: renderText(data.button, scope, WA_LIMITS.listButton) || "Options",
    sections: data.sections.map((s, i) => {
      const title = renderText(s.title, scope, WA_LIMITS.sectionTitle) || (several ? `${i + 1}` : "");
      return {
        ...(title ? { title } : {}),
        rows: s.rows.map((r) => {
          const description = renderText(r.description, scope, WA_LIMITS.rowDescription);
          return { id: r.id, title: renderText(r.title, scope, WA_LIMITS.rowTitle), ...(description ? { description } : {}) };
        }),
      };
    }),
  };
}
