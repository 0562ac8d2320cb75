import { templateDraftSchema, type TemplateDraft, type TemplateDraftInput } from "../draft/template-draft-schema";
import { libraryEntriesEn } from "./library-en";
import { libraryEntriesPt } from "./library-pt";

/**
 * Ready templates for the jobs Papo's businesses do every day (internet providers, clinics, salons, shops), in
 * English and Portuguese: each opens as a filled form (Settings → Templates → Library → Use), one submit away. Every
 * entry is lint-clean (tests/unit/whatsapp/templates/template-library.test.ts).
 */
export type LibraryJob =
  | "billing_notice"
  | "speed_reduced"
  | "blocked"
  | "suspended"
  | "cancelled"
  | "reactivated"
  | "appointment_confirmation"
  | "reminder"
  | "order_update"
  | "one_time_code";

export type LibraryEntryInput = { job: LibraryJob; title: string; description: string; draft: TemplateDraftInput };
export type LibraryEntry = { id: string; job: LibraryJob; locale: "en" | "pt"; title: string; description: string; draft: TemplateDraft };

export const templateLibrary: LibraryEntry[] = [
  ...libraryEntriesEn.map((e) => ({ ...e, id: `${e.job}-en`, locale: "en" as const, draft: templateDraftSchema.parse(e.draft) })),
  ...libraryEntriesPt.map((e) => ({ ...e, id: `${e.job}-pt`, locale: "pt" as const, draft: templateDraftSchema.parse(e.draft) })),
];

export function libraryTemplate(id: string): LibraryEntry | undefined {
  return templateLibrary.find((e) => e.id === id);
}
