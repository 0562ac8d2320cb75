import { getTranslations } from "next-intl/server";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

const KNOWN = ["MARKETING", "UTILITY", "AUTHENTICATION"];
const HINTS = ["INVALID_FORMAT", "ABUSIVE_CONTENT", "INCORRECT_CATEGORY", "PROMOTIONAL", "SCAM", "TAG_CONTENT_MISMATCH"] as const;

/**
 * Where Meta's review stands, in plain words: in review; rejected with Meta's reason and a hint on what to change
 * (by Meta's reason code when the reason is one, else a general one); a category Meta changed.
 */
export async function TemplateReviewStatus({ template }: { template: TemplateView }) {
  const t = await getTranslations("templates");
  const label = (c: string | null) => (c && KNOWN.includes(c.toUpperCase()) ? t(`categories.${c.toUpperCase() as "MARKETING"}`) : (c ?? "—"));
  // Meta's category webhook names both ends; else the category Papo asked for tells.
  const change = template.categoryChange;
  const changed = !change && template.requestedCategory && template.category && template.requestedCategory !== template.category;
  const reason = template.rejectionReason;
  const hintKey = HINTS.find((h) => reason?.toUpperCase() === h) ?? (reason && /adjacent|variable|format/i.test(reason) ? "INVALID_FORMAT" : "default");
  return (
    <div className="mb-6 grid gap-3" data-testid="template-review-status">
      {template.status === "REJECTED" && (
        <Alert variant="destructive">
          <AlertTitle>{t("manage.rejectedTitle")}</AlertTitle>
          <AlertDescription>
            {reason && <p>{t("manage.reason", { reason })}</p>}
            <p>{t(`manage.hints.${hintKey}`)}</p>
          </AlertDescription>
        </Alert>
      )}
      {template.status === "PENDING" && <p className="text-sm text-muted-foreground">{t("manage.pendingHint")}</p>}
      {change && (
        <p className="text-sm" role="note" data-testid="template-category-change">
          {change.impending
            ? t("manage.categoryChangeAnnounced", { category: label(change.to) })
            : t("manage.categoryChanged", { requested: label(change.from), category: label(change.to) })}
        </p>
      )}
      {changed && (
        <p className="text-sm" role="note">
          {t("manage.categoryChanged", {
            requested: label(template.requestedCategory),
            category: label(template.category),
          })}
        </p>
      )}
    </div>
  );
}
