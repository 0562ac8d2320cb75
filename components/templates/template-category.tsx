import { useTranslations } from "next-intl";

/** Meta's category (pricing depends on it): MARKETING, UTILITY or AUTHENTICATION. */
export function TemplateCategory({ category }: { category: string | null }) {
  const t = useTranslations("templates.categories");
  const c = category?.toUpperCase();
  if (!c) return <span className="text-muted-foreground">—</span>;
  return <>{["MARKETING", "UTILITY", "AUTHENTICATION"].includes(c) ? t(c as "MARKETING") : c}</>;
}
