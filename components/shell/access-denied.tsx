import { ShieldXIcon } from "lucide-react";
import { useTranslations } from "next-intl";

/** Rendered instead of a settings page the member's role doesn't allow. */
export function AccessDenied() {
  const t = useTranslations("accessDenied");
  return (
    <div className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed px-6 py-16 text-center">
      <div className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <ShieldXIcon aria-hidden="true" className="size-5" />
      </div>
      <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="max-w-sm text-sm text-muted-foreground">{t("description")}</p>
    </div>
  );
}
