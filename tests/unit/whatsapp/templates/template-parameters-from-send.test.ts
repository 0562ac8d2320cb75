import { describe, expect, it } from "vitest";
import { templateMessage } from "@/lib/whatsapp/graph/message-schema";
import { templateParametersFromSend } from "@/lib/whatsapp/templates/template-parameters-from-send";

const components = (c: unknown) => templateMessage.parse({ type: "template", name: "t", language: "pt_BR", components: c }).components;

describe("templateParametersFromSend", () => {
  it("keys positional values by component and position, buttons by index", () => {
    const sent = components([
      { type: "header", parameters: [{ type: "text", text: "#1042" }] },
      { type: "body", parameters: [{ type: "text", text: "Mariana" }, { type: "currency", currency: { fallback_value: "R$ 10,00", code: "BRL", amount_1000: 10000 } }] },
      { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "1042" }] },
      { type: "button", sub_type: "quick_reply", index: 1, parameters: [{ type: "payload", payload: "talk" }] },
    ]);
    expect(templateParametersFromSend(sent)).toEqual({ "header.1": "#1042", "body.1": "Mariana", "body.2": "R$ 10,00", "button.0": "1042", "button.1": "talk" });
  });

  it("named values, a media header and a coupon code", () => {
    const sent = components([
      { type: "header", parameters: [{ type: "image", image: { link: "https://x.example/a.png" } }] },
      { type: "body", parameters: [{ type: "text", text: "Ana", parameter_name: "first_name" }] },
      { type: "button", sub_type: "copy_code", index: 0, parameters: [{ type: "coupon_code", coupon_code: "PAPO15" }] },
    ]);
    expect(templateParametersFromSend(sent)).toEqual({ "header.image": "https://x.example/a.png", "body.first_name": "Ana", "button.0": "PAPO15" });
    expect(templateParametersFromSend(undefined)).toEqual({});
  });
});
