import { z } from "zod";
import type { ExitHandle } from "../exit-handle";

/** Ends this session and starts the other flow's published version from its start node, keeping the variables. */
export const jumpToFlowData = z.object({
  flowId: z.string().default(""),
});
export type JumpToFlowData = z.infer<typeof jumpToFlowData>;

export function jumpToFlowExits(): ExitHandle[] {
  return [];
}

export function jumpToFlowDefaultData(): JumpToFlowData {
  return { flowId: "" };
}
