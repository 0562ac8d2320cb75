import { describe, expect, it } from "vitest";
import { decimalToMicros, microsToDecimal } from "@/lib/spend/decimal-to-micros";
import { parseRateCardCsv } from "@/lib/spend/parse-rate-card-csv";

describe("decimalToMicros", () => {
  it("moves the decimal point in the string, exponents included", () => {
    expect(decimalToMicros("0.0625")).toBe(62_500);
    expect(decimalToMicros("0.0068")).toBe(6_800);
    expect(decimalToMicros("8.0E-4")).toBe(800);
    expect(decimalToMicros("9.0e-4")).toBe(900);
    expect(decimalToMicros("12")).toBe(12_000_000);
    expect(decimalToMicros(".5")).toBe(500_000);
  });
  it("refuses what is not an amount or finer than a micro-unit", () => {
    for (const bad of ["", "abc", "1,5", "-1", "0.0000001", "1e400"]) expect(decimalToMicros(bad), bad).toBeNull();
  });
  it("prints back without floats", () => {
    expect(microsToDecimal(62_500)).toBe("0.0625");
    expect(microsToDecimal(12_000_000)).toBe("12.00");
    expect(microsToDecimal(-800)).toBe("-0.0008");
  });
});

describe("parseRateCardCsv", () => {
  it("reads Meta's market shape and the iso2 override shape; the currency comes from the price column", () => {
    const card = parseRateCardCsv("effective_from,market,category,usd\n2026-07-01,Brazil,marketing,0.0625\n2026-10-01,Brazil,service,n/a\n");
    expect(card).toEqual({ currency: "USD", rows: [{ effectiveFrom: "2026-07-01", market: "Brazil", category: "marketing", priceMicros: 62_500 }] });
    const override = parseRateCardCsv("effective_from,iso2,category,price\n2026-10-01,mx,authentication-international,0.03\n", "brl");
    expect(override).toEqual({ currency: "BRL", rows: [{ effectiveFrom: "2026-10-01", iso2: "MX", category: "authentication_international", priceMicros: 30_000 }] });
  });
  it("reports every bad line with its number, and a header without a price column", () => {
    const bad = () => parseRateCardCsv("effective_from,market,category,usd\n2026-13-45,Brazil,marketing,0.1\n2026-07-01,Brazil,promo,0.1\n2026-07-01,Brazil,utility,abc\n");
    expect(bad).toThrow(/3 bad line/);
    try {
      bad();
    } catch (e) {
      expect((e as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(["csv.2", "csv.3", "csv.4"]);
    }
    expect(() => parseRateCardCsv("effective_from,market,category\n2026-07-01,Brazil,marketing\n")).toThrow(/price column/);
  });
});
