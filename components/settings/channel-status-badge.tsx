import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ChannelView } from "@/lib/channels/channel-view";

export function ChannelStatusBadge({ status }: { status: ChannelView["status"] }) {
  const t = useTranslations("channels.statuses");
  return (
    <Badge variant="outline" className="gap-1.5">
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full", status === "active" ? "bg-success" : "bg-muted-foreground")}
      />
      {t(status)}
    </Badge>
  );
}
