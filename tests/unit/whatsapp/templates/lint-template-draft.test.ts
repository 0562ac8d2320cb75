import { describe, expect, it } from "vitest";
import { lintTemplateDraft, templateLintCodes, type TemplateLintCode } from "@/lib/whatsapp/templates/draft/lint-template-draft";
import { templateLintMessage } from "@/lib/whatsapp/templates/draft/template-lint-message";
import { templateDraftSchema, type TemplateDraftInput } from "@/lib/whatsapp/templates/draft/template-draft-schema";

/** A lint-clean utility template with a text header, two body variables, a footer and two buttons. */
const good: TemplateDraftInput = {
  name: "order_shipped",
  category: "UTILITY",
  language: "en_US",
  parameterFormat: "positional",
  header: { type: "text", text: "Order {{1}}", examples: { "1": "#1042" } },
  body: { text: "Hi {{1}}, your order {{2}} is on its way.", examples: { "1": "Ana", "2": "#1042" } },
  footer: "Papo Shop",
  buttons: [
    { type: "url", text: "Track", url: "https://shop.example/t/{{1}}", example: "https://shop.example/t/1042" },
    { type: "quick_reply", text: "Talk to us" },
  ],
};

const lint = (patch: Partial<TemplateDraftInput>) => lintTemplateDraft(templateDraftSchema.parse({ ...good, ...patch }));
const issue = (patch: Partial<TemplateDraftInput>, code: TemplateLintCode) => lint(patch).find((i) => i.code === code);
const qr = (text: string) => ({ type: "quick_reply" as const, text });

describe("lintTemplateDraft", () => {
  it("finds nothing wrong with a well-formed template", () => {
    expect(lint({})).toEqual([]);
  });

  const cases: [string, Partial<TemplateDraftInput>, TemplateLintCode, string][] = [
    ["empty name", { name: " " }, "name_required", "name"],
    ["uppercase or spaces in the name", { name: "Order Shipped" }, "name_format", "name"],
    ["a name over 512", { name: "a".repeat(513) }, "name_too_long", "name"],
    ["a language that is not a locale code", { language: "English" }, "language_format", "language"],
    ["an empty text header", { header: { type: "text", text: "", examples: {} } }, "header_text_required", "header.text"],
    ["a header over 60", { header: { type: "text", text: "x".repeat(61), examples: {} } }, "header_too_long", "header.text"],
    ["a newline in the header", { header: { type: "text", text: "Order\nshipped", examples: {} } }, "header_newline", "header.text"],
    ["two header variables", { header: { type: "text", text: "A {{1}} b {{2}} c", examples: { 1: "x", 2: "y" } } }, "header_too_many_variables", "header.text"],
    ["a media header without a sample", { header: { type: "image", handle: "" } }, "header_sample_missing", "header.handle"],
    ["an empty body", { body: { text: "  ", examples: {} } }, "body_required", "body.text"],
    ["a body over 1024", { body: { text: "x".repeat(1025), examples: {} } }, "body_too_long", "body.text"],
    ["a malformed variable", { body: { text: "Hi {{First Name}}, ok.", examples: {} } }, "variable_malformed", "body.text"],
    ["an unclosed variable", { body: { text: "Hi {{1, ok.", examples: {} } }, "variable_malformed", "body.text"],
    ["a variable at the start", { body: { text: "{{1}} is here.", examples: { 1: "Ana" } } }, "variable_at_start", "body.text"],
    ["a variable at the end", { body: { text: "Hello {{1}}", examples: { 1: "Ana" } } }, "variable_at_end", "body.text"],
    ["adjacent variables", { body: { text: "Hi {{1}}{{2}} ok.", examples: { 1: "a", 2: "b" } } }, "variables_adjacent", "body.text"],
    ["variables separated by a space only", { body: { text: "Hi {{1}} {{2}} ok.", examples: { 1: "a", 2: "b" } } }, "variables_adjacent", "body.text"],
    ["named and numbered variables mixed", { body: { text: "Hi {{1}} and {{name}} ok.", examples: { 1: "a", name: "b" } } }, "variables_mixed", "body.text"],
    ["named variables in a positional template", { body: { text: "Hi {{name}} ok.", examples: { name: "b" } } }, "variable_wrong_format", "body.text"],
    ["numbers with a gap", { body: { text: "Hi {{1}} and {{3}} ok.", examples: { 1: "a", 3: "b" } } }, "variables_not_sequential", "body.text"],
    ["a variable without an example", { body: { text: "Hi {{1}} and {{2}} ok.", examples: { 1: "a" } } }, "example_missing", "body.examples.2"],
    ["a header variable without an example", { header: { type: "text", text: "Order {{1}}", examples: {} } }, "example_missing", "header.examples.1"],
    ["a footer over 60", { footer: "f".repeat(61) }, "footer_too_long", "footer"],
    ["a variable in the footer", { footer: "Hi {{1}}" }, "footer_variable", "footer"],
    ["11 buttons", { buttons: Array.from({ length: 11 }, (_, i) => qr(`b${i}`)) }, "too_many_buttons", "buttons"],
    [
      "three URL buttons",
      { buttons: ["a", "b", "c"].map((s) => ({ type: "url" as const, text: s, url: `https://x.example/${s}`, example: "" })) },
      "too_many_url_buttons",
      "buttons",
    ],
    [
      "two phone buttons",
      { buttons: ["a", "b"].map((s) => ({ type: "phone_number" as const, text: s, phoneNumber: "+5511999990000" })) },
      "too_many_phone_buttons",
      "buttons",
    ],
    ["two copy-code buttons", { buttons: [{ type: "copy_code", example: "A1" }, { type: "copy_code", example: "B2" }] }, "too_many_copy_code_buttons", "buttons"],
    [
      "a quick reply between two other buttons",
      { buttons: [{ type: "url", text: "Site", url: "https://x.example", example: "" }, qr("Yes"), { type: "phone_number", text: "Call", phoneNumber: "+5511999990000" }] },
      "quick_replies_not_grouped",
      "buttons",
    ],
    ["a button without a label", { buttons: [qr(" ")] }, "button_text_required", "buttons.0.text"],
    ["a label over 25", { buttons: [qr("x".repeat(26))] }, "button_text_too_long", "buttons.0.text"],
    ["two buttons with the same label", { buttons: [qr("Yes"), qr("yes")] }, "button_text_duplicate", "buttons.1.text"],
    ["a URL that is not one", { buttons: [{ type: "url", text: "Site", url: "shop/track", example: "" }] }, "url_invalid", "buttons.0.url"],
    ["a URL over 2000", { buttons: [{ type: "url", text: "Site", url: `https://x.example/${"a".repeat(2000)}`, example: "" }] }, "url_too_long", "buttons.0.url"],
    ["a URL variable in the middle", { buttons: [{ type: "url", text: "Site", url: "https://x.example/{{1}}/track", example: "x" }] }, "url_variable_not_at_end", "buttons.0.url"],
    ["a dynamic URL without an example", { buttons: [{ type: "url", text: "Site", url: "https://x.example/{{1}}", example: "" }] }, "url_example_missing", "buttons.0.example"],
    [
      "a dynamic URL example from another address",
      { buttons: [{ type: "url", text: "Site", url: "https://x.example/t/{{1}}", example: "https://other.example/t/1" }] },
      "url_example_mismatch",
      "buttons.0.example",
    ],
    ["a phone without country code digits", { buttons: [{ type: "phone_number", text: "Call", phoneNumber: "call me" }] }, "phone_invalid", "buttons.0.phoneNumber"],
    ["a copy-code button without an example", { buttons: [{ type: "copy_code", example: "" }] }, "copy_code_missing", "buttons.0.example"],
    ["a copy code over 15", { buttons: [{ type: "copy_code", example: "C".repeat(16) }] }, "copy_code_too_long", "buttons.0.example"],
    ["an OTP button on a utility template", { buttons: [{ type: "otp", text: "Copy" }] }, "otp_only_authentication", "buttons.0"],
  ];

  it.each(cases)("reports %s", (_label, patch, code, path) => {
    const found = issue(patch, code);
    expect(found, JSON.stringify(lint(patch))).toBeDefined();
    expect(found!.path).toBe(path);
    expect(templateLintMessage(found!)).not.toMatch(/\{(max|variable|first|second|count|format)\}/);
  });

  it("covers every lint code with a test case (authentication ones below)", () => {
    const auth: TemplateLintCode[] = ["header_not_allowed", "authentication_needs_otp", "authentication_button_not_allowed", "code_expiration_range"];
    const covered = new Set([...cases.map((c) => c[2]), ...auth]);
    expect(templateLintCodes.filter((c) => !covered.has(c))).toEqual([]);
  });

  describe("authentication", () => {
    const otp: Partial<TemplateDraftInput> = { category: "AUTHENTICATION", header: { type: "none" }, body: { text: "", examples: {} }, footer: "", buttons: [{ type: "otp", text: "Copy code" }] };
    it("accepts Meta's preset body with one OTP button", () => {
      expect(lint(otp)).toEqual([]);
    });
    it("refuses a header, a missing OTP button, other buttons, and an expiry past 90 minutes", () => {
      expect(issue({ ...otp, header: { type: "text", text: "Code", examples: {} } }, "header_not_allowed")?.path).toBe("header.type");
      expect(issue({ ...otp, buttons: [] }, "authentication_needs_otp")?.path).toBe("buttons");
      expect(issue({ ...otp, buttons: [{ type: "otp", text: "" }, qr("No")] }, "authentication_button_not_allowed")?.path).toBe("buttons.1");
      expect(issue({ ...otp, authentication: { addSecurityRecommendation: true, codeExpirationMinutes: 91 } }, "code_expiration_range")?.path).toBe(
        "authentication.codeExpirationMinutes",
      );
    });
  });

  it("accepts named variables with examples in a named template", () => {
    expect(lint({ parameterFormat: "named", header: { type: "none" }, body: { text: "Hi {{first_name}}, order {{order}} shipped.", examples: { first_name: "Ana", order: "1" } } })).toEqual([]);
  });
});
