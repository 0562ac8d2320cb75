"use client";

import * as React from "react";

import { TemplatePreview } from "@/components/templates/template-preview";
import { draftToComponents } from "@/lib/whatsapp/templates/draft/draft-to-components";
import type { TemplateDraft } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

/** The live WhatsApp-style preview of a draft, with its examples filled in (the same TemplatePreview the inbox uses). */
export function DraftPreview({ draft }: { draft: TemplateDraft }) {
  const view = React.useMemo<TemplateView>(
    () => ({
      id: "draft",
      channelId: null,
      wabaId: "",
      metaTemplateId: null,
      name: draft.name || "draft",
      language: draft.language,
      category: draft.category,
      status: "DRAFT",
      quality: null,
      rejectionReason: null,
      requestedCategory: null,
      categoryChange: null,
      components: draftToComponents(draft),
      parameterFormat: draft.parameterFormat,
      parameters: [],
      parameterCount: 0,
      updatedAt: new Date(0).toISOString(),
    }),
    [draft],
  );
  const parameters = React.useMemo(() => {
    const values: Record<string, string> = {};
    if (draft.header.type === "text") for (const [k, v] of Object.entries(draft.header.examples)) if (v) values[`header.${k}`] = v;
    for (const [k, v] of Object.entries(draft.body.examples)) if (v) values[`body.${k}`] = v;
    draft.buttons.forEach((b, i) => {
      if (b.type === "url" && b.url.endsWith("{{1}}") && b.example) values[`button.${i}`] = b.example.slice(b.url.length - "{{1}}".length);
      if (b.type === "copy_code" && b.example) values[`button.${i}`] = b.example;
    });
    return values;
  }, [draft]);
  // A PIX code is one long word: let every line of the preview wrap anywhere, so it never widens a phone's page.
  return (
    <div className="max-w-full min-w-0 overflow-hidden [&_*]:[overflow-wrap:anywhere]">
      <TemplatePreview template={view} parameters={parameters} />
    </div>
  );
}
