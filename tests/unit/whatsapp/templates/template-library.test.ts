import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import pt from "@/lib/i18n/messages/pt-BR.json";
import { draftToMetaBody } from "@/lib/whatsapp/templates/draft/draft-to-components";
import { lintTemplateDraft, templateLintCodes } from "@/lib/whatsapp/templates/draft/lint-template-draft";
import { templateLintMessagesEn } from "@/lib/whatsapp/templates/draft/template-lint-message";
import { templateLibrary } from "@/lib/whatsapp/templates/library/template-library";

describe("template library", () => {
  it("has every job in English and Portuguese", () => {
    const jobs = ["billing_notice", "speed_reduced", "blocked", "suspended", "cancelled", "reactivated", "appointment_confirmation", "reminder", "order_update", "one_time_code"];
    for (const locale of ["en", "pt"] as const) expect(templateLibrary.filter((e) => e.locale === locale).map((e) => e.job).sort()).toEqual([...jobs].sort());
    expect(new Set(templateLibrary.map((e) => e.id)).size).toBe(templateLibrary.length);
  });

  it.each(templateLibrary.map((e) => [e.id, e] as const))("%s is lint-clean and becomes a Meta request", (_id, entry) => {
    expect(lintTemplateDraft(entry.draft)).toEqual([]);
    expect(entry.draft.language).toBe(entry.locale === "en" ? "en_US" : "pt_BR");
    expect(draftToMetaBody(entry.draft).components.length).toBeGreaterThan(0);
  });

  it("the billing notice carries the boleto line and the PIX code, with a copy-code button", () => {
    for (const entry of templateLibrary.filter((e) => e.job === "billing_notice")) {
      expect(Object.values(entry.draft.body.examples).some((v) => v.includes("br.gov.bcb.pix"))).toBe(true);
      expect(entry.draft.buttons.map((b) => b.type)).toContain("copy_code");
    }
  });
});

describe("lint messages", () => {
  it("every lint code has an English API message and UI messages in both locales", () => {
    for (const code of templateLintCodes) {
      expect(templateLintMessagesEn[code], code).toBeTruthy();
      expect((en.templates.lint as Record<string, string>)[code], `en ${code}`).toBeTruthy();
      expect((pt.templates.lint as Record<string, string>)[code], `pt ${code}`).toBeTruthy();
    }
  });
});
