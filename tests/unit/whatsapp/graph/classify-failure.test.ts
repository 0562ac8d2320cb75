import { describe, expect, it } from "vitest";
import { classifyGraphResponse, classifyNetworkError } from "@/lib/whatsapp/graph/classify-failure";
import { GraphApiError } from "@/lib/whatsapp/graph/graph-error";

describe("classifyGraphResponse", () => {
  it.each([
    // [http, code, policy]
    [400, 130429, "safe"], // throughput: a clear rejection, retry after a wait
    [400, 131056, "safe"], // pair rate limit
    [400, 131057, "safe"],
    [400, 4, "safe"],
    [400, 80007, "safe"],
    [429, null, "safe"],
    [500, null, "ambiguous"], // Meta may have accepted it before failing
    [503, 131000, "ambiguous"],
    [502, 130429, "ambiguous"], // a 5xx is ambiguous whatever its body says
    [400, 131047, "never"], // outside the window
    [400, 132000, "never"],
    [400, 132001, "never"],
    [400, 131026, "never"],
    [400, 131050, "never"],
    [401, 190, "never"],
    [400, 100, "never"],
    [400, 999999, "never"], // unknown 4xx codes are not retried blindly
  ] as const)("HTTP %s code %s → %s", (http, code, policy) => {
    expect(classifyGraphResponse(http, code).retry).toBe(policy);
  });

  it("backs off longer with each throughput rejection, with jitter, within caps", () => {
    const first = classifyGraphResponse(400, 130429, 0).retryAfterMs!;
    const fourth = classifyGraphResponse(400, 130429, 3).retryAfterMs!;
    expect(first).toBeGreaterThanOrEqual(800);
    expect(first).toBeLessThanOrEqual(1200);
    expect(fourth).toBeGreaterThanOrEqual(6400);
    expect(classifyGraphResponse(400, 130429, 30).retryAfterMs!).toBeLessThanOrEqual(72_000);
    expect(classifyGraphResponse(400, 131056, 0).retryAfterMs!).toBeGreaterThanOrEqual(4800);
  });
});

describe("classifyNetworkError", () => {
  const fetchFailed = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });
  it("a connection that never opened is safe", () => {
    expect(classifyNetworkError(fetchFailed("ECONNREFUSED"), false).retry).toBe("safe");
    expect(classifyNetworkError(fetchFailed("ENOTFOUND"), false).retry).toBe("safe");
  });
  it("a reset, a closed socket or our own timeout is ambiguous", () => {
    expect(classifyNetworkError(fetchFailed("ECONNRESET"), false).retry).toBe("ambiguous");
    expect(classifyNetworkError(fetchFailed("UND_ERR_SOCKET"), false).retry).toBe("ambiguous");
    expect(classifyNetworkError(new DOMException("aborted", "AbortError"), true).retry).toBe("ambiguous");
    expect(classifyNetworkError(fetchFailed("ECONNREFUSED"), true).retry).toBe("ambiguous");
  });
});

describe("GraphApiError", () => {
  it("carries Meta's fields and a plain-language explanation", () => {
    const e = new GraphApiError({ httpStatus: 400, code: 131047, title: "Re-engagement message", details: "more than 24 hours", fbtraceId: "Ab", retry: "never" });
    expect(e.message).toBe("(#131047) Re-engagement message: more than 24 hours");
    expect(e.explanation).toMatch(/template/);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ code: 131047, fbtraceId: "Ab", retry: "never", explanation: e.explanation });
  });
  it.each([190, 131026, 131050, 132000, 132001, 130429])("explains code %s", (code) => {
    expect(new GraphApiError({ httpStatus: 400, code, title: "t", retry: "never" }).explanation).not.toBe("WhatsApp refused the message.");
  });
});
