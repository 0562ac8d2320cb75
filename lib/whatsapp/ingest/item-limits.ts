/**
 * What a webhook item must fit to be stored. Ids are idempotency keys in unique btree indexes (a btree entry holds
 * about 2,700 bytes): an id longer than this cannot be a real one (wamids are ~60 characters, BSUIDs ~30), and
 * shortening it could make two ids collide, so such an item fails with the reason instead.
 */
export const MAX_ID_LENGTH = 512;
/** Postgres `timestamptz` and JS Date both end well before this: 9999-12-31T23:59:59Z, in unix seconds. */
const MAX_UNIX_SECONDS = 253_402_300_799;
const INT32_MAX = 2_147_483_647;

/** The reason an id cannot be stored, or null when it can. */
export function idProblem(name: string, value: unknown): string | null {
  if (typeof value !== "string") return null;
  return value.length > MAX_ID_LENGTH ? `${name} is ${value.length} characters long (at most ${MAX_ID_LENGTH} are stored)` : null;
}

/** Unix seconds as a Date; out of range (or not a number) → `fallback` (the webhook's arrival), with a note. */
export function clampTimestamp(seconds: number, fallback: Date, notes: string[]): Date {
  if (Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_UNIX_SECONDS) return new Date(seconds * 1000);
  notes.push(`timestamp ${String(seconds).slice(0, 40)} is out of range: the webhook's arrival time is used (the original is kept in the content)`);
  return fallback;
}

/** An error code for an `integer` column: out of range or fractional → null, with a note (the raw code stays in the content). */
export function int32OrNull(code: number | undefined, notes: string[]): number | null {
  if (code === undefined) return null;
  if (Number.isInteger(code) && Math.abs(code) <= INT32_MAX) return code;
  notes.push(`error code ${String(code).slice(0, 40)} does not fit an integer column: kept only in the content`);
  return null;
}

/** A short reference for logs and the item list: the id itself, or its start when it is absurdly long. */
export const shortRef = (id: unknown): string | undefined =>
  typeof id === "string" ? (id.length > 128 ? `${id.slice(0, 64)}…(${id.length} chars)` : id) : undefined;
