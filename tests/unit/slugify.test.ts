import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/organizations/slugify";

describe("slugify", () => {
  it("folds accents and punctuation", () => expect(slugify("Padaria São João & Filhos!")).toBe("padaria-sao-joao-filhos"));
  it("never shadows an app route", () => {
    expect(slugify("API")).toBe("api-org");
    expect(slugify("Sign in")).toBe("sign-in-org");
  });
  it("falls back when nothing is left", () => expect(slugify("!!!")).toBe("org"));
});
