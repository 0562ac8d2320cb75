import { describe, expect, it } from "vitest";
import { clampTimestamp, idProblem, int32OrNull } from "@/lib/whatsapp/ingest/item-limits";
import { MAX_ITEM_DEPTH, storableJson } from "@/lib/whatsapp/ingest/storable-json";

/** `{"a":{"a":…1…}}`, `depth` levels, built as text (JSON.stringify itself overflows the stack on deep values). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const depthOf = (v: unknown) => {
  let d = 0;
  while (v && typeof v === "object") [v, d] = [(v as { a: unknown }).a, d + 1];
  return d;
};

describe("storableJson", () => {
  it("returns an exact copy, with no notes, when Postgres can hold the value", () => {
    const value = { text: { body: "olá 👋" }, n: [1, 2.5, -3e20], ok: true, none: null };
    expect(storableJson(value)).toEqual({ value, notes: [] });
  });

  it("replaces NUL and lone surrogates (in values and keys) by U+FFFD and says so", () => {
    const { value, notes } = storableJson({ body: "a\u0000b", ["k\u0000"]: ["\ud800x", "ok"] });
    expect(value).toEqual({ body: "a\uFFFDb", "k\uFFFD": ["\uFFFDx", "ok"] });
    expect(notes).toEqual([expect.stringContaining("U+FFFD")]);
  });

  it("keeps 1,000 levels whole and cuts a 10,000-deep value without overflowing the stack", () => {
    const kept = storableJson(JSON.parse(deepJson(1000)));
    expect(depthOf(kept.value)).toBe(1000);
    expect(kept.notes).toEqual([]);
    const cut = storableJson(JSON.parse(deepJson(10_000)));
    expect(depthOf(cut.value)).toBe(MAX_ITEM_DEPTH);
    expect(cut.notes).toEqual([expect.stringContaining(`deeper than ${MAX_ITEM_DEPTH}`)]);
    expect(() => JSON.stringify(cut.value)).not.toThrow();
  });
});

describe("item limits", () => {
  it("clamps timestamps and error codes outside what the columns hold, with a note", () => {
    const notes: string[] = [];
    const fallback = new Date("2026-01-02T03:04:05Z");
    expect(clampTimestamp(1_790_000_000, fallback, notes)).toEqual(new Date(1_790_000_000_000));
    expect(clampTimestamp(99_999_999_999_999, fallback, notes)).toBe(fallback);
    expect(int32OrNull(131_026, notes)).toBe(131_026);
    expect(int32OrNull(1e20, notes)).toBeNull();
    expect(notes).toEqual([expect.stringContaining("timestamp 99999999999999"), expect.stringContaining("error code 100000000000000000000")]);
  });

  it("refuses ids no index can hold, and only those", () => {
    expect(idProblem("message id", "wamid.HBgM")).toBeNull();
    expect(idProblem("message id", "x".repeat(3_000_000))).toMatch(/message id is 3000000 characters long/);
  });
});
