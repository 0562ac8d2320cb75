import { interpolate } from "../../variables/interpolate";
import { resolveVariable, stringifyValue } from "../../variables/resolve-variable";
import type { VariableScope } from "../../variables/variable-scope";
import type { ConditionData } from "./schema";

type Comparison = ConditionData["rules"][number]["comparisons"][number];

/**
 * One comparison. Text compares trimmed and case-insensitively; greater/less compare numbers (a comma decimal mark
 * is accepted), and are false when either side is not a number.
 */
export function evaluateComparison(c: Comparison, scope: VariableScope): boolean {
  const raw = resolveVariable(c.left.trim().replace(/^\{\{\s*|\s*\}\}$/g, ""), scope);
  const left = stringifyValue(raw).trim();
  const right = interpolate(c.right, scope).trim();
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  switch (c.operator) {
    case "equals":
      return bothNumbers(left, right) ? toNumber(left) === toNumber(right) : l === r;
    case "not_equals":
      return bothNumbers(left, right) ? toNumber(left) !== toNumber(right) : l !== r;
    case "contains":
      return l.includes(r);
    case "not_contains":
      return !l.includes(r);
    case "starts_with":
      return l.startsWith(r);
    case "ends_with":
      return l.endsWith(r);
    case "greater_than":
      return bothNumbers(left, right) && toNumber(left)! > toNumber(right)!;
    case "less_than":
      return bothNumbers(left, right) && toNumber(left)! < toNumber(right)!;
    case "is_set":
      return left !== "";
    case "is_empty":
      return left === "";
    case "matches_regex":
      try {
        return new RegExp(right, "i").test(left);
      } catch {
        return false;
      }
  }
}

function toNumber(s: string): number | null {
  const t = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const bothNumbers = (a: string, b: string) => toNumber(a) !== null && toNumber(b) !== null;
