import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { draftFromComponents } from "@/lib/whatsapp/templates/draft/draft-from-components";
import { draftToMetaBody } from "@/lib/whatsapp/templates/draft/draft-to-components";
import { lintTemplateDraft } from "@/lib/whatsapp/templates/draft/lint-template-draft";

const metaRequest = JSON.parse(fs.readFileSync("/work/shared/meta/payloads/template_create_request_named.json", "utf8"));

describe("draft ⇄ Meta components", () => {
  it("reads Meta's own create request into a lint-clean draft and writes the same request back", () => {
    const draft = draftFromComponents({ name: metaRequest.name, language: metaRequest.language, category: metaRequest.category, components: metaRequest.components });
    expect(draft.parameterFormat).toBe("named");
    expect(draft.body.examples).toEqual({ first_name: "Mariana", order_number: "4821" });
    expect(lintTemplateDraft(draft)).toEqual([]);
    expect(draftToMetaBody(draft)).toEqual(metaRequest);
  });

  it("writes positional examples in placeholder order and authentication templates without a body text", () => {
    const draft = draftFromComponents({
      name: "t",
      language: "pt_BR",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Oi {{1}}, pedido {{2}} ok.", example: { body_text: [["Ana", "42"]] } }],
    });
    expect(draft.body.examples).toEqual({ 1: "Ana", 2: "42" });
    expect(draftToMetaBody(draft).components).toEqual([{ type: "BODY", text: "Oi {{1}}, pedido {{2}} ok.", example: { body_text: [["Ana", "42"]] } }]);

    const auth = draftFromComponents({
      name: "code",
      language: "en_US",
      category: "AUTHENTICATION",
      components: [{ type: "BODY", add_security_recommendation: true }, { type: "FOOTER", code_expiration_minutes: 5 }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy" }] }],
    });
    expect(draftToMetaBody(auth)).toEqual({
      name: "code",
      language: "en_US",
      category: "AUTHENTICATION",
      components: [{ type: "BODY", add_security_recommendation: true }, { type: "FOOTER", code_expiration_minutes: 5 }, { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy" }] }],
    });
  });
});
