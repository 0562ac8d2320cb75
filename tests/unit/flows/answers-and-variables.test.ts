import { describe, expect, it } from "vitest";
import { isValidCnpj, isValidCpf } from "@/lib/flows/nodes/question/document-check-digits";
import { validateAnswer } from "@/lib/flows/nodes/question/validate-answer";
import { extractVariables } from "@/lib/flows/variables/extract-variables";
import { interpolate, jsonStringContent } from "@/lib/flows/variables/interpolate";

const base = { pattern: "", defaultCountry: "BR" };

describe("question answers", () => {
  it.each([
    ["number", "42", 42],
    ["number", "3,5", 3.5],
    ["number", "1.234,56", 1234.56],
    ["email", "A@B.co", "a@b.co"],
    ["phone", "(11) 98888-7777", "+5511988887777"],
    ["phone", "+1 415 555 2671", "+14155552671"],
    ["date", "29/02/2024", "2024-02-29"],
    ["date", "2026-11-23", "2026-11-23"],
    ["cpf", "529.982.247-25", "52998224725"],
    ["cnpj", "11.222.333/0001-81", "11222333000181"],
    ["cnpj", "12.ABC.345/01DE-35", "12ABC34501DE35"],
    ["document", "11222333000181", "11222333000181"],
    ["text", "  hi ", "hi"],
  ] as const)("%s accepts %s", (kind, text, value) => {
    expect(validateAnswer(text, { ...base, kind })).toEqual({ ok: true, value });
  });

  it.each([
    ["number", "12abc"],
    ["email", "a@b"],
    ["phone", "12345"],
    ["date", "31/02/2024"],
    ["date", "tomorrow"],
    ["cpf", "123.456.789-00"],
    ["cpf", "111.111.111-11"],
    ["cnpj", "11.222.333/0001-82"],
    ["document", "123"],
    ["text", "   "],
  ] as const)("%s refuses %s", (kind, text) => {
    expect(validateAnswer(text, { ...base, kind })).toEqual({ ok: false });
  });

  it("regex kind uses the pattern", () => {
    expect(validateAnswer("AB-123", { ...base, kind: "regex", pattern: "^[A-Z]{2}-\\d{3}$" })).toEqual({ ok: true, value: "AB-123" });
    expect(validateAnswer("ab-12", { ...base, kind: "regex", pattern: "^[A-Z]{2}-\\d{3}$" })).toEqual({ ok: false });
  });

  it("check digits", () => {
    expect(isValidCpf("52998224725")).toBe(true);
    expect(isValidCpf("52998224724")).toBe(false);
    expect(isValidCnpj("11222333000181")).toBe(true);
    expect(isValidCnpj("00000000000000")).toBe(false);
  });
});

describe("variables", () => {
  const scope = { variables: { name: "Ana", order: { items: [{ id: 7 }] } }, contact: { name: "Ana S" }, globals: { site: "x.com" }, system: { now: "N", channel: "C", last_input: "L" } };
  it("extracts and interpolates every namespace", () => {
    expect(extractVariables("{{ name }} {{contact.name}} {{globals.site}} {{system.now}} {{name}} {{ order.items.0.id }}")).toEqual(["name", "contact.name", "globals.site", "system.now", "order.items.0.id"]);
    expect(interpolate("{{name}}/{{contact.name}}/{{globals.site}}/{{system.last_input}}/{{order.items.0.id}}/{{missing}}/{{order.items}}", scope)).toBe('Ana/Ana S/x.com/L/7//[{"id":7}]');
    expect(interpolate('{"a":"{{x}}"}', { ...scope, variables: { x: 'say "hi"\n' } }, jsonStringContent)).toBe('{"a":"say \\"hi\\"\\n"}');
  });
});
