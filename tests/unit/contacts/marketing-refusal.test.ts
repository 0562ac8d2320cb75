import { describe, expect, it } from "vitest";
import { sendRefusal } from "@/lib/contacts/marketing-refusal";

describe("sendRefusal", () => {
  it("refuses marketing to an opted-out contact and lets utility through", () => {
    const c = { optIn: "opted_out" as const, blocked: false };
    expect(sendRefusal(c, "marketing")?.code).toBe("contact_opted_out");
    expect(sendRefusal(c, "utility")).toBeNull();
    expect(sendRefusal(c, "service")).toBeNull();
  });
  it("refuses everything to a blocked contact", () => {
    const c = { optIn: "opted_in" as const, blocked: true };
    expect(sendRefusal(c, "utility")?.code).toBe("contact_blocked");
    expect(sendRefusal(c, "marketing")?.code).toBe("contact_blocked");
  });
  it("lets marketing go to an opted-in or unknown contact", () => {
    expect(sendRefusal({ optIn: "opted_in", blocked: false }, "marketing")).toBeNull();
    expect(sendRefusal({ optIn: "unknown", blocked: false }, "marketing")).toBeNull();
  });
});
