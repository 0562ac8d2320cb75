"use client";

import * as React from "react";

import type { TemplateDraft } from "@/lib/whatsapp/templates/draft/template-draft-schema";

/** What every part of the template form needs: the draft, a way to change it (marking the field touched), its errors. */
export type EditorFieldProps = {
  draft: TemplateDraft;
  update: (path: string, change: (d: TemplateDraft) => TemplateDraft) => void;
  errorFor: (path: string) => string | null;
};

export const EditorContext = React.createContext<EditorFieldProps | null>(null);

export function useEditor(): EditorFieldProps {
  const value = React.useContext(EditorContext);
  if (!value) throw new Error("useEditor outside TemplateEditor");
  return value;
}
