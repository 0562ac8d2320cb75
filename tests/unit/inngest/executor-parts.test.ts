import { describe, expect, it } from "vitest";
import { compileExpression, evaluate } from "@/inngest/executor/expression";
import { latestTick, parseCron } from "@/inngest/executor/cron";
import { canonicalJson } from "@/inngest/executor/canonical-json";
import { parseDuration, wakeTime } from "@/inngest/executor/duration";
import { unsupportedReasons, type FunctionConfig } from "@/inngest/executor/function-config";

describe("expression", () => {
  const scope = { event: { data: { userId: "u1", n: 3, tags: ["a"] } }, async: { data: { userId: "u1", n: 5 } } };
  it("evaluates the CEL subset used by match/if/keys", () => {
    expect(evaluate("event.data.userId == async.data.userId", scope)).toBe(true);
    expect(evaluate("event.data.n < async.data.n && async.data.n >= 5", scope)).toBe(true);
    expect(evaluate("!(event.data.n == 3) || event.data['userId'] != 'u1'", scope)).toBe(false);
    expect(evaluate('"conv-" + event.data.userId', scope)).toBe("conv-u1");
    expect(evaluate("event.data.missing.deeper", scope)).toBe(null);
  });
  it("rejects what it does not implement", () => {
    expect(() => compileExpression("event.data.tags.exists(t, t == 'a')")).toThrow();
    expect(() => compileExpression("event.data.n ? 1 : 2")).toThrow();
  });
});

describe("cron", () => {
  const at = (iso: string) => Date.parse(iso);
  it("finds the latest tick in a window", () => {
    const every5 = parseCron("*/5 * * * *");
    expect(latestTick(every5, at("2026-01-01T10:01:00Z"), at("2026-01-01T10:07:30Z"))).toBe(at("2026-01-01T10:05:00Z"));
    expect(latestTick(every5, at("2026-01-01T10:05:00Z"), at("2026-01-01T10:09:59Z"))).toBeUndefined();
  });
  it("honours TZ= and day-of-week", () => {
    const nineParis = parseCron("TZ=Europe/Paris 0 9 * * 1-5");
    // 2026-01-05 is a Monday; 09:00 in Paris is 08:00 UTC in winter.
    expect(latestTick(nineParis, at("2026-01-05T07:00:00Z"), at("2026-01-05T09:00:00Z"))).toBe(at("2026-01-05T08:00:00Z"));
    expect(latestTick(nineParis, at("2026-01-04T07:00:00Z"), at("2026-01-04T09:00:00Z"))).toBeUndefined(); // Sunday
  });
  it("rejects unsupported syntax", () => {
    expect(() => parseCron("0 0 * * * *")).toThrow(/five-field/);
    expect(() => parseCron("0 0 L * *")).toThrow();
  });
});

describe("signing and durations", () => {
  it("canonicalises JSON like RFC 8785 (sorted keys, no undefined)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: "x", c: undefined }] })).toBe('{"a":[true,null,{"d":"x"}],"b":1}');
  });
  it("reads the SDK's time strings", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("3d")).toBe(259_200_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(wakeTime("2026-01-01T00:00:00.000Z", 0)).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });
});

describe("registration checks", () => {
  const base: FunctionConfig = {
    id: "app-fn",
    triggers: [{ event: "x" }],
    steps: { step: { runtime: { type: "http", url: "http://h/api/inngest?fnId=app-fn&stepId=step" } } },
  };
  it("accepts the supported options and names each unsupported one", () => {
    expect(unsupportedReasons({ ...base, concurrency: [{ limit: 5 }, { limit: 1, key: "event.data.c" }], throttle: { limit: 1, period: "1m" } })).toEqual([]);
    expect(unsupportedReasons({ ...base, rateLimit: { limit: 1, period: "1h" }, batchEvents: { maxSize: 10 } })).toEqual([
      'option "batchEvents" is not supported',
      'option "rateLimit" is not supported',
    ]);
  });
});
