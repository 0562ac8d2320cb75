import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["pt-BR,pt;q=0.9,en;q=0.8", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,pt;q=0.5,en;q=0.4", "pt-BR"],
    ["de-DE", "en"],
    ["en;q=0.2,pt-BR;q=0.9", "pt-BR"],
    ["", "en"],
    [null, "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
