import type { NodeExecutor } from "../../engine/engine-types";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { EXIT } from "../exit-handle";
import { renderText } from "../render-text";
import type { QuestionData } from "./schema";
import { validateAnswer } from "./validate-answer";

/** Asks, then validates each answer: valid → store and "next"; invalid → retry message, and "gave_up" after maxTries. */
export const executeQuestion: NodeExecutor<QuestionData> = ({ data, input, retries, scope }) => {
  if (!input) {
    const prompt = renderText(data.prompt, scope, WA_LIMITS.textBody);
    return { messages: prompt ? [{ type: "text", body: prompt }] : [], next: "wait", kind: "input" };
  }
  if (input.type !== "message") return { next: "wait", kind: "input" };
  const check = validateAnswer(input.text, data);
  if (check.ok) return { setVariables: data.variable ? { [data.variable]: check.value } : undefined, retries: 0, next: "exit", exit: EXIT.next };
  const tries = retries + 1;
  if (tries >= data.maxTries) return { retries: 0, next: "exit", exit: EXIT.gaveUp };
  const retry = renderText(data.retryMessage, scope, WA_LIMITS.textBody);
  return { messages: retry ? [{ type: "text", body: retry }] : [], retries: tries, next: "wait", kind: "input" };
};
