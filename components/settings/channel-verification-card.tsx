import type * as React from "react";

import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChannelView } from "@/lib/channels/channel-view";

import { ChannelVerificationBadge } from "./channel-verification-badge";
import { VerifyChannelButton } from "./verify-channel-button";

/** The channel's proof of ownership (lib/channels/verify-channel-number.ts) and, for managers, "Verify again". */
export function ChannelVerificationCard({ orgSlug, channel, canManage }: { orgSlug: string; channel: ChannelView; canManage: boolean }) {
  const t = useTranslations("channels.verification");
  const v = channel.verification;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid gap-1">
      <dt className="text-sm font-medium">{label}</dt>
      <dd className="text-sm text-muted-foreground">{value}</dd>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-3">
          <h2>{t("title")}</h2>
          <ChannelVerificationBadge verification={v} />
        </CardTitle>
        <CardDescription>{channel.provider === "sandbox" ? t("sandboxNote") : t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {!v.verified && <p className="text-sm text-destructive">{t("unverifiedHint")}</p>}
        <dl className="grid gap-4 sm:grid-cols-2">
          {v.verifiedName && row(t("verifiedName"), v.verifiedName)}
          {v.displayPhoneNumber && row(t("metaNumber"), <span className="font-mono">{v.displayPhoneNumber}</span>)}
          {v.verifiedAt && row(t("verifiedAt"), <DateTime value={v.verifiedAt} />)}
          {row(t("checkedAt"), v.checkedAt ? <DateTime value={v.checkedAt} /> : t("never"))}
        </dl>
        {v.error && (
          <div className="grid gap-1 rounded-lg border border-destructive/30 p-3" data-testid="verification-error">
            <p className="text-sm font-medium">{t("lastError")}</p>
            <p className="text-sm text-muted-foreground">{v.error}</p>
          </div>
        )}
        {canManage && channel.provider === "cloud" && <VerifyChannelButton orgSlug={orgSlug} channelId={channel.id} />}
      </CardContent>
    </Card>
  );
}
