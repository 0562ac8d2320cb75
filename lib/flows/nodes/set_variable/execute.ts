import type { NodeExecutor, NodeOutcome } from "../../engine/engine-types";
import { interpolate } from "../../variables/interpolate";
import { EXIT } from "../exit-handle";
import type { SetVariableData } from "./schema";

/**
 * Flow variables change in the session; contact fields and tags become one update_contact effect (the runtime
 * writes them), and are visible to the following nodes of this walk at once.
 */
export const executeSetVariable: NodeExecutor<SetVariableData> = ({ data, scope }): NodeOutcome => {
  const setVariables: Record<string, unknown> = {};
  const attributes: Record<string, string> = {};
  let name: string | undefined;
  for (const a of data.assignments) {
    if (!a.name) continue;
    // Each value sees the assignments above it.
    const value = interpolate(a.value, { ...scope, variables: { ...scope.variables, ...setVariables } });
    if (a.scope === "flow") setVariables[a.name] = value;
    else if (a.name === "name") name = value;
    else attributes[a.name] = value;
  }
  const addTags = data.addTags.map((t) => t.trim()).filter(Boolean);
  const removeTags = data.removeTags.map((t) => t.trim()).filter(Boolean);
  const touchesContact = name !== undefined || Object.keys(attributes).length > 0 || addTags.length > 0 || removeTags.length > 0;
  return {
    setVariables,
    contactPatch: { ...attributes, ...(name !== undefined ? { name, first_name: name.split(/\s+/)[0] ?? "" } : {}) },
    effects: touchesContact ? [{ type: "update_contact", ...(name !== undefined ? { name } : {}), attributes, addTags, removeTags }] : [],
    next: "exit",
    exit: EXIT.next,
  };
};
