import type { NodeExecutor } from "../../engine/engine-types";
import type { JumpToFlowData } from "./schema";

/** Ends this session; the runtime starts the other flow with the same variables. */
export const executeJumpToFlow: NodeExecutor<JumpToFlowData> = ({ data, scope }) => ({
  effects: [{ type: "jump", flowId: data.flowId, variables: { ...scope.variables } }],
  next: "end",
  reason: "jump",
});
