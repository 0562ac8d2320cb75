import type { NodeExecutor } from "../../engine/engine-types";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { renderText } from "../render-text";
import type { HandoffData } from "./schema";

/** Says goodbye (optionally) and hands the conversation to people; the session ends. */
export const executeHandoff: NodeExecutor<HandoffData> = ({ data, scope }) => {
  const message = renderText(data.message, scope, WA_LIMITS.textBody);
  return {
    messages: message ? [{ type: "text", body: message }] : [],
    effects: [{ type: "handoff", departmentId: data.departmentId || null, assigneeId: data.assigneeId || null, note: renderText(data.note, scope, 4000) }],
    next: "end",
    reason: "handoff",
  };
};
