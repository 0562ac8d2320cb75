import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/lib/whatsapp/normalize-phone";

describe("normalizePhone", () => {
  it("turns WhatsApp digits into E.164", () => {
    expect(normalizePhone("5511987650001")).toBe("+5511987650001");
    expect(normalizePhone("14155552671")).toBe("+14155552671");
    expect(normalizePhone("+49 30 901820")).toBe("+4930901820");
    expect(normalizePhone("919876543210")).toBe("+919876543210");
  });

  it("a Brazilian mobile with and without the ninth digit is one identity (9-digit form)", () => {
    expect(normalizePhone("551187650001")).toBe("+5511987650001");
    expect(normalizePhone("5511987650001")).toBe("+5511987650001");
    expect(normalizePhone("552176540002")).toBe("+5521976540002");
    expect(normalizePhone("558199991234")).toBe("+5581999991234");
  });

  it("leaves Brazilian landlines alone (subscriber starting 2–5)", () => {
    expect(normalizePhone("551132345678")).toBe("+551132345678");
    expect(normalizePhone("552125551234")).toBe("+552125551234");
  });

  it("a username user with no phone (only a BSUID) has no phone, and junk is not a phone", () => {
    expect(normalizePhone(undefined)).toBeNull();
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone("")).toBeNull();
    expect(normalizePhone("BR.1734820956128473")).toBeNull();
    expect(normalizePhone("123")).toBeNull();
  });
});
