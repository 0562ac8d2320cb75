/**
 * The subset of CEL that Inngest functions use in trigger `if`, waitForEvent `if`/`match`, cancelOn, and
 * concurrency / throttle / idempotency keys: literals, `event.a.b` / `async.x["y"]` paths, `+`, comparisons,
 * `!`, `&&`, `||` and parentheses. Anything else is a syntax error, reported when the function registers.
 */
export type Scope = Record<string, unknown>;
type Node = (scope: Scope) => unknown;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(==|!=|<=|>=|&&|\|\||[<>!+\-().[\]])|([A-Za-z_][\w]*))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`Unsupported expression syntax at "${src.slice(start)}" in: ${src}`);
    out.push(m[0].trim());
  }
  return out;
}

export function compileExpression(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const t = tokens[i++];
    if (expected !== undefined && t !== expected) throw new Error(`Expected "${expected}" in expression: ${src}`);
    if (t === undefined) throw new Error(`Unexpected end of expression: ${src}`);
    return t;
  };
  const binary = (next: () => Node, ops: string[]): (() => Node) => () => {
    let left = next();
    while (ops.includes(peek())) {
      const op = take();
      const l = left;
      const r = next();
      left = (s) => apply(op, l, r, s);
    }
    return left;
  };
  const primary = (): Node => {
    const t = take();
    if (t === "(") {
      const inner = or();
      take(")");
      return inner;
    }
    if (t === "!") {
      const inner = primary();
      return (s) => !truthy(inner(s));
    }
    if (t === "-") {
      const inner = primary();
      return (s) => -Number(inner(s));
    }
    if (/^\d/.test(t)) return () => Number(t);
    if (t[0] === "'" || t[0] === '"') {
      const value = t.slice(1, -1).replace(/\\(.)/g, "$1");
      return () => value;
    }
    if (t === "true" || t === "false") return () => t === "true";
    if (t === "null") return () => null;
    if (!/^[A-Za-z_]/.test(t)) throw new Error(`Unexpected "${t}" in expression: ${src}`);
    const path: Node[] = [() => t];
    while (peek() === "." || peek() === "[") {
      if (take() === ".") {
        const name = take();
        path.push(() => name);
      } else {
        const key = or();
        take("]");
        path.push(key);
      }
    }
    return (s) => path.reduce<unknown>((obj, key, idx) => (idx === 0 ? s[String(key(s))] : get(obj, key(s))), undefined);
  };
  const additive = binary(primary, ["+", "-"]);
  const comparison = binary(additive, ["==", "!=", "<", "<=", ">", ">="]);
  const and = binary(comparison, ["&&"]);
  const or = binary(and, ["||"]);
  const root = or();
  if (i !== tokens.length) throw new Error(`Unexpected "${tokens[i]}" in expression: ${src}`);
  return (scope) => {
    const v = root(scope);
    return v === undefined ? null : v;
  };
}

function get(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined || typeof obj !== "object") return undefined;
  return (obj as Record<string, unknown>)[String(key)];
}

function truthy(v: unknown): boolean {
  return v === true;
}

function apply(op: string, l: Node, r: Node, s: Scope): unknown {
  if (op === "&&") return truthy(l(s)) && truthy(r(s));
  if (op === "||") return truthy(l(s)) || truthy(r(s));
  const a = l(s) ?? null;
  const b = r(s) ?? null;
  switch (op) {
    case "==":
      return deepEqual(a, b);
    case "!=":
      return !deepEqual(a, b);
    case "+":
      return typeof a === "number" && typeof b === "number" ? a + b : `${a ?? ""}${b ?? ""}`;
    case "-":
      return Number(a) - Number(b);
    default: {
      if (a === null || b === null) return false;
      const x = a as number | string;
      const y = b as number | string;
      return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
    }
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const cache = new Map<string, Node>();

/** Evaluates (with a compile cache: the same few expressions are evaluated for every event). */
export function evaluate(src: string, scope: Scope): unknown {
  let node = cache.get(src);
  if (!node) {
    node = compileExpression(src);
    if (cache.size > 1000) cache.clear();
    cache.set(src, node);
  }
  return node(scope);
}
