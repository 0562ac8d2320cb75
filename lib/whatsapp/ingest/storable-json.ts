/**
 * Deeper than this below an item (a message, a status), a subtree is replaced by a note. Meta's payloads are a few
 * levels deep; 1,000 levels are kept whole. The bound is what keeps everything after it safe: JSON.stringify,
 * postgres.js and Postgres' jsonb parser all recurse (PGlite's jsonb already fails at 10,000 levels).
 */
export const MAX_ITEM_DEPTH = 1_200;

const REPLACEMENT = "\uFFFD";

export type Storable<T> = { value: T; notes: string[] };

/**
 * A copy of a JSON value that Postgres can hold in `jsonb` (and `text`): NUL characters and lone surrogates, which
 * neither accepts, become U+FFFD; subtrees nested deeper than MAX_ITEM_DEPTH become a string saying so. `notes` says
 * what was replaced (empty when the copy is exact). Iterative, so no input depth can overflow the stack. The exact
 * original is the webhook row's `raw_body` (the signed bytes), which the caller points to.
 */
export function storableJson<T>(input: T, maxDepth = MAX_ITEM_DEPTH): Storable<T> {
  let replacedChars = false;
  let truncated = false;
  const fix = (s: string) => {
    // isWellFormed/toWellFormed: Node 20+. Lone surrogates are what jsonb refuses besides NUL.
    if (!s.includes("\u0000") && s.isWellFormed()) return s;
    replacedChars = true;
    return s.replaceAll("\u0000", REPLACEMENT).toWellFormed();
  };
  const copy = (v: unknown, depth: number, assign: (x: unknown) => void, stack: Frame[]) => {
    if (typeof v === "string") return assign(fix(v));
    if (typeof v === "number") return assign(Number.isFinite(v) ? v : null);
    if (v === null || typeof v !== "object") return assign(v);
    if (depth >= maxDepth) {
      truncated = true;
      return assign(`[papo: nested deeper than ${maxDepth} levels; not stored here, see the webhook's raw body]`);
    }
    const out: unknown = Array.isArray(v) ? [] : {};
    assign(out);
    stack.push({ source: v as Record<string, unknown>, target: out as Record<string, unknown>, depth: depth + 1 });
  };
  type Frame = { source: Record<string, unknown>; target: Record<string, unknown>; depth: number };
  let result: unknown;
  const stack: Frame[] = [];
  copy(input, 0, (x) => (result = x), stack);
  while (stack.length) {
    const { source, target, depth } = stack.pop()!;
    if (Array.isArray(source)) {
      source.forEach((item, i) => copy(item, depth, (x) => ((target as unknown as unknown[])[i] = x), stack));
      continue;
    }
    for (const [key, item] of Object.entries(source)) copy(item, depth, (x) => (target[fix(key)] = x), stack);
  }
  const notes: string[] = [];
  if (replacedChars) notes.push("NUL characters or lone surrogates replaced by U+FFFD (Postgres text cannot hold them)");
  if (truncated) notes.push(`parts nested deeper than ${maxDepth} levels left out`);
  return { value: result as T, notes };
}
