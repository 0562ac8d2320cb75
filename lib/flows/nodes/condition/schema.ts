import { z } from "zod";
import { EXIT, type ExitHandle } from "../exit-handle";
import { itemId } from "../item-id";

export const conditionOperators = [
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "ends_with",
  "greater_than",
  "less_than",
  "is_set",
  "is_empty",
  "matches_regex",
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/**
 * Rules are checked in order; the first that holds is the exit taken (handle id = rule id), else "else". A rule
 * joins its comparisons with AND or OR. `left` names a value without braces: `city`, `contact.name`,
 * `globals.x`, `system.last_input`; `right` is text that may contain {{variables}}.
 */
export const conditionData = z.object({
  rules: z
    .array(
      z.object({
        id: itemId,
        label: z.string().default(""),
        combinator: z.enum(["and", "or"]).default("and"),
        comparisons: z
          .array(
            z.object({
              id: itemId,
              left: z.string().default(""),
              operator: z.enum(conditionOperators).default("equals"),
              right: z.string().default(""),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});
export type ConditionData = z.infer<typeof conditionData>;

export function conditionExits(data: ConditionData): ExitHandle[] {
  return [...data.rules.map((r, i) => ({ id: r.id, label: r.label || `Rule ${i + 1}` })), { id: EXIT.else }];
}

export function conditionDefaultData(): ConditionData {
  const r = () => Math.random().toString(36).slice(2, 8);
  return { rules: [{ id: `c${r()}`, label: "", combinator: "and", comparisons: [{ id: `k${r()}`, left: "", operator: "equals", right: "" }] }] };
}
