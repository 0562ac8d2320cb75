import { InfoIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Shown on the Runs and Events pages when Inngest Cloud or a self-hosted Inngest server runs the functions. */
export function ExternalRunsNotice() {
  const t = useTranslations("runs");
  return (
    <Alert className="mb-6">
      <InfoIcon aria-hidden="true" />
      <AlertTitle>{t("externalTitle")}</AlertTitle>
      <AlertDescription>{t("externalDescription")}</AlertDescription>
    </Alert>
  );
}
