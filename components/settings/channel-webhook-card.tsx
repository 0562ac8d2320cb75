import type * as React from "react";

import Link from "next/link";
import { SmartphoneIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { CopyableValue } from "@/components/shared/copyable-value";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";

const strong = (chunks: React.ReactNode) => <strong className="font-semibold text-foreground">{chunks}</strong>;

/** What to paste into Meta's App Dashboard so incoming messages reach this number. */
export function ChannelWebhookCard({ channel }: { channel: ChannelView }) {
  const t = useTranslations("channels.detail");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("webhookTitle")}</h2>
        </CardTitle>
        <CardDescription>{t("webhookDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {channel.provider === "sandbox" && (
          <div className="grid justify-items-start gap-3 rounded-lg border border-dashed bg-muted/40 p-3">
            <p className="text-sm text-muted-foreground">{t("sandboxNote")}</p>
            <Button asChild variant="outline" size="sm">
              <Link href={`/sandbox/${channel.id}`}>
                <SmartphoneIcon aria-hidden="true" />
                {t("openSandboxPhone")}
              </Link>
            </Button>
          </div>
        )}
        <dl className="grid gap-4">
          <div className="grid gap-1.5">
            <dt className="text-sm font-medium">{t("webhookUrl")}</dt>
            <dd>
              <CopyableValue value={channel.webhookUrl} copyLabel={t("copyWebhookUrl")} testId="webhook-url" />
            </dd>
          </div>
          {channel.verifyToken && (
            <div className="grid gap-1.5">
              <dt className="text-sm font-medium">{t("verifyToken")}</dt>
              <dd>
                <CopyableValue value={channel.verifyToken} copyLabel={t("copyVerifyToken")} testId="verify-token" />
              </dd>
            </div>
          )}
        </dl>
        {channel.provider === "cloud" && (
          <div className="grid gap-2 text-sm">
            <p className="font-medium">{t("stepsTitle")}</p>
            <ol className="ml-5 list-decimal space-y-1.5 text-muted-foreground marker:text-muted-foreground">
              <li>{t.rich("step1", { strong })}</li>
              <li>{t.rich("step2", { strong })}</li>
              <li>{t.rich("step3", { strong })}</li>
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
