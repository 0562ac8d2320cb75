import type { NodeExecutor } from "../../engine/engine-types";
import { EXIT } from "../exit-handle";
import type { WaitForReplyData } from "./schema";

/** Waits for the next message ("reply", stored) or the timer ("timeout"), whichever comes first. */
export const executeWaitForReply: NodeExecutor<WaitForReplyData> = ({ data, input }) => {
  if (!input) return { next: "wait", kind: "reply", effect: { type: "timer", seconds: data.timeoutMinutes * 60, reason: "reply_timeout" } };
  if (input.type === "message") return { setVariables: data.variable ? { [data.variable]: input.text } : undefined, next: "exit", exit: EXIT.reply };
  if (input.type === "timer") return { next: "exit", exit: EXIT.timeout };
  return { next: "wait", kind: "reply" };
};
