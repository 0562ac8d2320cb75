import type { VariableScope } from "./variable-scope";

/**
 * The value at a dotted path: `contact.x`, `globals.x`, `system.x`, else a flow variable (whose own fields and
 * array items may follow: `order.items.0.id`). Undefined when absent.
 */
export function resolveVariable(path: string, scope: VariableScope): unknown {
  const [head, ...rest] = path.split(".");
  let root: unknown;
  let tail = rest;
  if (head === "contact" && rest.length > 0) {
    root = scope.contact[rest[0]];
    tail = rest.slice(1);
  } else if (head === "globals" && rest.length > 0) {
    root = scope.globals[rest[0]];
    tail = rest.slice(1);
  } else if (head === "system" && rest.length > 0) {
    root = (scope.system as Record<string, unknown>)[rest[0]];
    tail = rest.slice(1);
  } else {
    root = scope.variables[head];
  }
  return walkPath(root, tail);
}

export function walkPath(root: unknown, path: string[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || value === undefined || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** How a value reads inside a message: objects as JSON, nothing as "". */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
