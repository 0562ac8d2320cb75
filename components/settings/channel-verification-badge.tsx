import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ChannelView } from "@/lib/channels/channel-view";

/** Whether Meta confirmed the number belongs to this channel's business (shared-app webhooks need it). */
export function ChannelVerificationBadge({ verification }: { verification: ChannelView["verification"] }) {
  const t = useTranslations("channels.verification");
  return (
    <Badge variant="outline" className="gap-1.5" data-testid="channel-verification">
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", verification.verified ? "bg-success" : "bg-destructive")} />
      {verification.verified ? t("verified") : t("unverified")}
    </Badge>
  );
}
