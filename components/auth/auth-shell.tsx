import * as React from "react";
import { MessageCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";

/** Centered, branded frame for pages outside an organization (sign-in, sign-up, invitations, new org). */
export function AuthShell({ children }: { children: React.ReactNode }) {
  const t = useTranslations("common");
  return (
    <main className="flex min-h-svh flex-col items-center justify-center bg-muted/40 px-4 py-10">
      <div className="mb-6 flex items-center gap-2 text-lg font-semibold tracking-tight">
        <span className="flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground">
          <MessageCircleIcon aria-hidden="true" className="size-4" />
        </span>
        {t("appName")}
      </div>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
