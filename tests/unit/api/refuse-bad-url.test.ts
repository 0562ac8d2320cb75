import { describe, expect, it } from "vitest";
import { refuseBadUrl } from "@/lib/api/refuse-bad-url";

describe("refuseBadUrl: the guard in server.ts before Next", () => {
  it("refuses paths whose percent-encoding does not decode to UTF-8 with a 400", () => {
    for (const url of ["/%ff", "/api/webhooks/whatsapp/%ff%fe", "/api/v1/orgs/%E0%A4%A", "/acme/%", "/%ED%A0%80"]) {
      expect(refuseBadUrl(url), url).toMatchObject({ status: 400, body: { error: { code: "bad_request" } } });
    }
  });

  it("refuses a NUL in the path (400) or in a query parameter (422 naming it)", () => {
    expect(refuseBadUrl("/api/v1/orgs/a%00b")).toMatchObject({ status: 400 });
    expect(refuseBadUrl("/api/v1/orgs/acme/canned-replies?q=hi%00")).toEqual({
      status: 422,
      body: { error: { code: "invalid_input", message: "q: must not contain the NUL character (\\u0000)", issues: [{ path: "q", message: "must not contain the NUL character (\\u0000)" }] } },
    });
  });

  it("lets ordinary URLs through, encoded Unicode and odd but harmless queries included", () => {
    for (const url of ["/", "/api/v1/orgs/acme/contacts/%C3%A7", "/acme/inbox?q=caf%C3%A9&x=%zz", "/api/health", "/sign-in?callbackUrl=%2Facme"]) {
      expect(refuseBadUrl(url), url).toBeNull();
    }
  });
});
