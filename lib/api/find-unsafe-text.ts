/**
 * Text Postgres cannot store (NUL) or that is not valid Unicode (a lone UTF-16 surrogate: it cannot be encoded
 * as UTF-8, so the insert — or the audit-log entry written with it — fails). Every request body and query string
 * is checked once at the boundary (lib/api/route.ts), so no route can forget it and nothing is half-written.
 */
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type UnsafeText = { path: string; reason: string };

export function unsafeTextReason(text: string): string | null {
  const m = UNSAFE.exec(text);
  if (!m) return null;
  return m[0] === "\u0000" ? "must not contain the NUL character (\\u0000)" : "must be valid Unicode (it contains a lone surrogate)";
}

/**
 * The first string (value or object key) in a parsed JSON value that Papo refuses, with its path ("nodes.3.data").
 * Iterative, so a body nested thousands of levels deep cannot overflow the stack.
 */
export function findUnsafeText(value: unknown): UnsafeText | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const reason = unsafeTextReason(v);
      if (reason) return { path, reason };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: join(path, String(i)) });
    } else if (v && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        const reason = unsafeTextReason(key);
        if (reason) return { path: join(path, safeKey(key)), reason: `has a key that ${reason}` };
        stack.push({ value: child, path: join(path, key) });
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
/** A key that is itself unsafe is named with its bad characters escaped, so the error response stays valid. */
const safeKey = (key: string) => JSON.stringify(key).slice(1, -1);
