"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { ApiError } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import type { TemplateHeader } from "@/lib/whatsapp/templates/draft/template-draft-schema";
import { useEditor } from "./editor-context";
import { ExamplesFields } from "./examples-fields";

const TYPES: TemplateHeader["type"][] = ["none", "text", "image", "video", "document", "location"];
const ACCEPT: Record<string, string> = { image: "image/jpeg,image/png", video: "video/mp4", document: "application/pdf" };

/** The header: none, one line of text (one variable at most), a media sample uploaded to Meta, or a location. */
export function HeaderEditor({ orgSlug, channelId }: { orgSlug: string; channelId?: string }) {
  const t = useTranslations("templates.editor");
  const { draft, update, errorFor } = useEditor();
  const h = draft.header;
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.set("file", file);
      const res = await fetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/channels/${channelId}/template-media`, { method: "POST", body: form, credentials: "same-origin" });
      const body = (await res.json().catch(() => null)) as { handle?: string; error?: { code: string; message: string } } | null;
      if (!res.ok || !body?.handle) throw new ApiError(res.status, body?.error?.code ?? "error", body?.error?.message ?? "Upload failed");
      return body.handle;
    },
    onSuccess: (handle) => update("header.handle", (d) => (d.header.type === "image" || d.header.type === "video" || d.header.type === "document" ? { ...d, header: { ...d.header, handle } } : d)),
  });

  const setType = (type: TemplateHeader["type"]) =>
    update("header.type", (d) => {
      if (type === "text") return { ...d, header: { type, text: "", examples: {} } };
      if (type === "image" || type === "video" || type === "document") return { ...d, header: { type, handle: "" } };
      return { ...d, header: { type } };
    });

  return (
    <div className="grid gap-3">
      <SelectField
        id="template-header-type"
        label={t("header")}
        value={h.type}
        options={TYPES.map((type) => ({ value: type, label: t(`headerTypes.${type}`) }))}
        onChange={(e) => setType(e.target.value as TemplateHeader["type"])}
        error={errorFor("header.type")}
      />
      {h.type === "text" && (
        <>
          <TextField
            id="template-header-text"
            label={t("headerText")}
            hint={t("headerTextHint")}
            value={h.text}
            onChange={(e) => {
              const text = e.target.value;
              update("header.text", (d) => (d.header.type === "text" ? { ...d, header: { ...d.header, text } } : d));
            }}
            error={errorFor("header.text")}
          />
          <ExamplesFields field="header" text={h.text} />
        </>
      )}
      {(h.type === "image" || h.type === "video" || h.type === "document") && (
        <div className="grid gap-2">
          <Label htmlFor="template-header-sample">{t("headerSample")}</Label>
          <input
            id="template-header-sample"
            type="file"
            accept={ACCEPT[h.type]}
            disabled={!channelId || upload.isPending}
            className="text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file);
            }}
          />
          <p className="text-xs text-muted-foreground">{h.handle ? t("headerSampleUploaded") : t("headerSampleHint")}</p>
          <FieldError id="template-header-sample-error" message={errorFor("header.handle")} />
          <FormError error={upload.error} />
        </div>
      )}
    </div>
  );
}
