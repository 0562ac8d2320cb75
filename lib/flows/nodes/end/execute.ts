import type { NodeExecutor } from "../../engine/engine-types";
import { WA_LIMITS } from "../../validation/whatsapp-limits";
import { renderText } from "../render-text";
import type { EndData } from "./schema";

export const executeEnd: NodeExecutor<EndData> = ({ data, scope }) => {
  const message = renderText(data.message, scope, WA_LIMITS.textBody);
  return { messages: message ? [{ type: "text", body: message }] : [], next: "end", reason: "completed" };
};
