import type { NodeExecutor } from "../../engine/engine-types";
import { EXIT } from "../exit-handle";
import type { DelayData } from "./schema";

/** Asks for a durable timer; when it fires, goes on. Messages during the delay do not move the flow. */
export const executeDelay: NodeExecutor<DelayData> = ({ data, input }) => {
  if (!input) return { next: "wait", kind: "delay", effect: { type: "timer", seconds: data.seconds, reason: "delay" } };
  if (input.type === "timer") return { next: "exit", exit: EXIT.next };
  return { next: "wait", kind: "delay" };
};
