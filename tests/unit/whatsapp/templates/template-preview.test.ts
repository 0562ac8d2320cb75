import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { TemplatePreview, type TemplateParameters } from "@/components/templates";
import messages from "@/lib/i18n/messages/en.json";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

const base: Omit<TemplateView, "name" | "components" | "parameters" | "parameterCount" | "parameterFormat"> = {
  id: "00000000-0000-4000-8000-000000000001",
  channelId: null,
  wabaId: "1",
  metaTemplateId: "1",
  language: "pt_BR",
  category: "UTILITY",
  status: "APPROVED",
  quality: "GREEN",
  rejectionReason: null,
  requestedCategory: null,
  categoryChange: null,
  updatedAt: new Date(0).toISOString(),
};

const positional: TemplateView = {
  ...base,
  name: "order_update",
  parameterFormat: "positional",
  parameters: ["header {{1}}", "body {{1}}", "body {{2}}", "button 0 (url)"],
  parameterCount: 4,
  components: [
    { type: "HEADER", format: "TEXT", text: "Pedido {{1}}" },
    { type: "BODY", text: "Olá {{1}}, seu pedido {{2}} saiu." },
    { type: "FOOTER", text: "Loja" },
    { type: "BUTTONS", buttons: [{ type: "URL", text: "Ver", url: "https://x.example/p/{{1}}" }, { type: "QUICK_REPLY", text: "Ajuda" }] },
  ],
};

const named: TemplateView = {
  ...base,
  name: "welcome",
  parameterFormat: "named",
  parameters: ["header image", "body {{first_name}}"],
  parameterCount: 2,
  components: [
    { type: "HEADER", format: "IMAGE" },
    { type: "BODY", text: "Hi {{first_name}}!" },
  ],
};

function render(template: TemplateView, parameters?: TemplateParameters) {
  const children = createElement(TemplatePreview, { template, parameters });
  const props = { locale: "en", messages, timeZone: "UTC" } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, props, children));
  const doc = html.replace(/<!-- -->/g, "");
  const slot = (name: string) => [...doc.matchAll(new RegExp(`data-slot="${name}"[^>]*>(.*?)</(p|div|li)>`, "g"))].map((m) => m[1].replace(/<[^>]+>/g, ""));
  return { html: doc, text: doc.replace(/<[^>]+>/g, ""), slot };
}

describe("TemplatePreview", () => {
  it("without values shows every placeholder as written", () => {
    const { slot, html, text } = render(positional);
    expect(slot("template-header")).toEqual(["Pedido {{1}}"]);
    expect(slot("template-body")).toEqual(["Olá {{1}}, seu pedido {{2}} saiu."]);
    expect(slot("template-footer")).toEqual(["Loja"]);
    expect(text).toContain("https://x.example/p/{{1}}");
    expect(html.match(/data-slot="template-placeholder"/g)).toHaveLength(4);
  });

  it("an array fills the parameters in the order of template.parameters (header, body, buttons)", () => {
    const { slot, html, text } = render(positional, ["#7", "Ana", "#7", "7"]);
    expect(slot("template-header")).toEqual(["Pedido #7"]);
    expect(slot("template-body")).toEqual(["Olá Ana, seu pedido #7 saiu."]);
    expect(text).toContain("https://x.example/p/7");
    expect(html).not.toContain("data-slot=\"template-placeholder\"");
  });

  it("an object fills by name (header and body alike), by component, and buttons only by index", () => {
    const byName = render(positional, { "1": "X" });
    expect(byName.slot("template-header")).toEqual(["Pedido X"]);
    expect(byName.slot("template-body")).toEqual(["Olá X, seu pedido {{2}} saiu."]);
    expect(byName.text).toContain("https://x.example/p/{{1}}"); // never the body's {{1}}
    const targeted = render(positional, { "header.1": "H", "body.1": "B", "button.0": "9" });
    expect(targeted.slot("template-header")).toEqual(["Pedido H"]);
    expect(targeted.slot("template-body")).toEqual(["Olá B, seu pedido {{2}} saiu."]);
    expect(targeted.text).toContain("https://x.example/p/9");
  });

  it("named placeholders and a media header", () => {
    const { slot, html } = render(named, { first_name: "Ana", "header.image": "https://x.example/a.png" });
    expect(slot("template-body")).toEqual(["Hi Ana!"]);
    expect(html).toContain("Image");
    expect(html).toContain("https://x.example/a.png");
    expect(render(named, ["https://x.example/b.png", "Bia"]).slot("template-body")).toEqual(["Hi Bia!"]);
  });
});
