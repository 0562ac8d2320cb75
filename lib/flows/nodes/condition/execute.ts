import type { NodeExecutor } from "../../engine/engine-types";
import { EXIT } from "../exit-handle";
import { evaluateComparison } from "./evaluate-comparison";
import type { ConditionData } from "./schema";

/** The first rule that holds (AND: all comparisons, OR: any) is the exit; none → "else". A rule with no comparisons never holds. */
export const executeCondition: NodeExecutor<ConditionData> = ({ data, scope }) => {
  for (const rule of data.rules) {
    if (rule.comparisons.length === 0) continue;
    const results = rule.comparisons.map((c) => evaluateComparison(c, scope));
    if (rule.combinator === "and" ? results.every(Boolean) : results.some(Boolean)) return { next: "exit", exit: rule.id };
  }
  return { next: "exit", exit: EXIT.else };
};
