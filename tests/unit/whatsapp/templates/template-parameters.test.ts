import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Template } from "@/db/schema";
import { templateMessage } from "@/lib/whatsapp/graph/message-schema";
import { countTemplateParameters, placeholders, requiredParameterCount } from "@/lib/whatsapp/templates/count-template-parameters";
import { assertTemplateParameters, compareTemplateParameters, TemplateSendError } from "@/lib/whatsapp/templates/assert-template-parameters";

const dir = path.resolve(__dirname, "../../../fixtures/meta/templates");
const read = <T>(name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as T;

/** Meta's definition of pedido_confirmado (named: header {{order_number}}, body {{first_name}} {{order_number}}, URL button {{1}}). */
const named = read<{ components: unknown[] }>("template_create_request_named.json").components;
/** What a correct send of it looks like (the send fixture's template object). */
const namedSend = templateMessage.parse({ type: "template", ...read<{ template: { name: string; language: { code: string }; components: unknown[] } }>("send_template_named_params_request.json").template, language: "pt_BR" });
const positionalSend = read<{ template: { components: unknown[] } }>("send_template_positional_request.json").template;

/** lembrete_cupom as Meta would list it: two positional body placeholders, no header, a quick reply. */
const positional = [
  { type: "BODY", text: "Use o cupom {{1}} nos próximos {{2}} dias. Lembre: {{1}}!", example: { body_text: [["VOLTA20", "3"]] } },
  { type: "FOOTER", text: "Loja Exemplo" },
  { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Parar" }] },
];

const send = (components: unknown[] | undefined) => templateMessage.parse({ type: "template", name: "t", language: "pt_BR", ...(components && { components }) }).components;

function row(over: Partial<Template>): Template {
  const now = new Date();
  return {
    id: "00000000-0000-4000-8000-000000000001",
    organizationId: "00000000-0000-4000-8000-000000000002",
    channelId: null,
    wabaId: "104857392018274",
    metaTemplateId: "1",
    name: "pedido_confirmado",
    language: "pt_BR",
    category: "UTILITY",
    status: "APPROVED",
    quality: null,
    components: named,
    rejectionReason: null,
    requestedCategory: null,
    statusEventTime: null,
    qualityEventTime: null,
    categoryChange: null,
    categoryEventTime: null,
    createdAt: now,
    updatedAt: now,
    ...over,
  };
}

describe("countTemplateParameters", () => {
  it("reads placeholders once each, in order of first appearance", () => {
    expect(placeholders("Oi {{first_name}}, pedido {{ order_number }} ({{first_name}})")).toEqual(["first_name", "order_number"]);
    expect(placeholders("{{2}} e {{1}} e {{2}}")).toEqual(["2", "1"]);
    expect(placeholders(undefined)).toEqual([]);
  });

  it("named template: header and body placeholders plus the URL button with a placeholder", () => {
    const spec = countTemplateParameters(named);
    expect(spec.format).toBe("named");
    expect(spec.slots).toEqual([
      { component: "header", name: "order_number" },
      { component: "body", name: "first_name" },
      { component: "body", name: "order_number" },
      { component: "button", index: 0, name: "quick_reply", optional: true },
      { component: "button", index: 1, name: "url" },
    ]);
    expect(requiredParameterCount(spec)).toBe(4);
  });

  it("positional template: a repeated {{1}} counts once", () => {
    const spec = countTemplateParameters(positional);
    expect(spec.format).toBe("positional");
    expect(requiredParameterCount(spec)).toBe(2);
  });

  it("media headers need one parameter of their type; copy-code and OTP buttons one each; static buttons none", () => {
    const spec = countTemplateParameters([
      { type: "HEADER", format: "IMAGE", example: { header_handle: ["h"] } },
      { type: "BODY", text: "Seu código é {{1}}." },
      {
        type: "BUTTONS",
        buttons: [{ type: "COPY_CODE", example: "ABC" }, { type: "URL", text: "Site", url: "https://x.example" }, { type: "PHONE_NUMBER", phone_number: "+55" }, { type: "OTP", otp_type: "COPY_CODE" }],
      },
    ]);
    expect(spec.slots).toEqual([
      { component: "header", name: "image" },
      { component: "body", name: "1" },
      { component: "button", index: 0, name: "copy_code" },
      { component: "button", index: 3, name: "otp" },
    ]);
  });

  it("lower-case component types (as some APIs echo them) count the same", () => {
    expect(requiredParameterCount(countTemplateParameters([{ type: "body", text: "{{1}} {{2}}" }]))).toBe(2);
  });
});

describe("compareTemplateParameters", () => {
  it("the fixture's named send matches the fixture's named template exactly", () => {
    expect(compareTemplateParameters(named, namedSend.components)).toEqual({ missing: [], extra: [] });
  });

  it("the fixture's positional send matches a two-placeholder body", () => {
    expect(compareTemplateParameters(positional, send(positionalSend.components))).toEqual({ missing: [], extra: [] });
  });

  it("names what is missing and what is extra (positional)", () => {
    expect(compareTemplateParameters(positional, send([{ type: "body", parameters: [{ type: "text", text: "VOLTA20" }] }]))).toEqual({ missing: ["body {{2}}"], extra: [] });
    expect(
      compareTemplateParameters(positional, send([{ type: "body", parameters: ["a", "b", "c"].map((text) => ({ type: "text", text })) }])),
    ).toEqual({ missing: [], extra: ["body {{3}}"] });
    expect(compareTemplateParameters(positional, undefined)).toEqual({ missing: ["body {{1}}", "body {{2}}"], extra: [] });
  });

  it("names what is missing and what is extra (named), including a wrong name and a duplicate", () => {
    const components = structuredClone(namedSend.components)!;
    const body = components.find((c) => c.type === "body")!;
    body.parameters = [
      { type: "text", parameter_name: "first_name", text: "Mariana" },
      { type: "text", parameter_name: "first_name", text: "Mariana" },
      { type: "text", parameter_name: "numero", text: "4821" },
    ];
    expect(compareTemplateParameters(named, components)).toEqual({
      missing: ["body {{order_number}}"],
      extra: ["body {{first_name}} (given twice)", "body {{numero}}"],
    });
  });

  it("positional parameters sent to a named template do not match", () => {
    const r = compareTemplateParameters(named, send([{ type: "header", parameters: [{ type: "text", text: "4821" }] }]));
    expect(r.missing).toEqual(["header {{order_number}}", "body {{first_name}}", "body {{order_number}}", "button 1 (url)"]);
    expect(r.extra).toEqual(["header {{1}}"]);
  });

  it("header media type and button parameters are checked", () => {
    const tpl = [{ type: "HEADER", format: "IMAGE" }, { type: "BODY", text: "Oi" }, { type: "BUTTONS", buttons: [{ type: "URL", text: "Ver", url: "https://x.example/{{1}}" }] }];
    expect(compareTemplateParameters(tpl, send([{ type: "header", parameters: [{ type: "video", video: { id: "1" } }] }]))).toEqual({
      missing: ["header image", "button 0 (url)"],
      extra: ["header video"],
    });
    const ok = send([
      { type: "header", parameters: [{ type: "image", image: { link: "https://x.example/a.png" } }] },
      { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "abc" }] },
    ]);
    expect(compareTemplateParameters(tpl, ok)).toEqual({ missing: [], extra: [] });
    const twoParams = send([
      { type: "header", parameters: [{ type: "image", image: { id: "1" } }] },
      { type: "button", sub_type: "url", index: 0, parameters: [{ type: "text", text: "a" }, { type: "text", text: "b" }] },
      { type: "button", sub_type: "quick_reply", index: 3, parameters: [{ type: "payload", payload: "p" }] },
    ]);
    expect(compareTemplateParameters(tpl, twoParams).extra).toEqual(["button 0 (url) (given twice)", "button 3 (payload)"]);
  });

  it("quick-reply payloads are optional", () => {
    expect(compareTemplateParameters(positional, send([...positionalSend.components, { type: "button", sub_type: "quick_reply", index: "0", parameters: [{ type: "payload", payload: "stop" }] }]))).toEqual({ missing: [], extra: [] });
  });
});

describe("assertTemplateParameters", () => {
  it("passes a matching send of an approved template", () => {
    expect(() => assertTemplateParameters(row({}), namedSend)).not.toThrow();
  });

  it("refuses unknown, unapproved and never-synced templates with a 422", () => {
    const cases: [Template | undefined, string][] = [
      [undefined, "template_not_found"],
      [row({ status: "PAUSED" }), "template_not_approved"],
      [row({ status: "PENDING" }), "template_not_approved"],
      [row({ components: [] }), "template_not_synced"],
    ];
    for (const [tpl, reason] of cases) {
      let error: unknown;
      try {
        assertTemplateParameters(tpl, namedSend);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TemplateSendError);
      expect(error).toMatchObject({ reason, code: "invalid_input", status: 422 });
    }
  });

  it("a mismatch names the missing and extra parameters in the message and issues", () => {
    let error: TemplateSendError | undefined;
    try {
      assertTemplateParameters(row({ components: positional, name: "lembrete_cupom" }), { name: "lembrete_cupom", language: "pt_BR", components: send([{ type: "body", parameters: [{ type: "text", text: "x" }] }]) });
    } catch (e) {
      error = e as TemplateSendError;
    }
    expect(error).toMatchObject({ reason: "parameter_mismatch", status: 422, missing: ["body {{2}}"], extra: [] });
    expect(error!.message).toContain("missing body {{2}}");
    expect(error!.issues).toEqual([{ path: "message.components", message: "Missing parameter: body {{2}}" }]);
  });
});
