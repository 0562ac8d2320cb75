import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { itemId, variableName } from "../item-id";

/**
 * Sets flow variables and contact fields (scope "contact": `name` is the contact's name, anything else a custom
 * attribute), and adds/removes contact tags by name. Values may contain {{variables}}.
 */
export const setVariableData = z.object({
  assignments: z
    .array(
      z.object({
        id: itemId,
        scope: z.enum(["flow", "contact"]).default("flow"),
        name: z.union([z.literal(""), variableName]).default(""),
        value: z.string().default(""),
      }),
    )
    .default([]),
  addTags: z.array(z.string()).default([]),
  removeTags: z.array(z.string()).default([]),
});
export type SetVariableData = z.infer<typeof setVariableData>;

export function setVariableExits(): ExitHandle[] {
  return [{ id: EXIT.next }];
}

export function setVariableDefaultData(): SetVariableData {
  return { assignments: [{ id: `a${Math.random().toString(36).slice(2, 8)}`, scope: "flow", name: "", value: "" }], addTags: [], removeTags: [] };
}
