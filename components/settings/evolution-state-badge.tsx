import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ChannelView } from "@/lib/channels/channel-view";

type State = NonNullable<ChannelView["evolution"]>["connectionState"];

/** An Evolution number's link to WhatsApp: connected, waiting for the QR scan, or disconnected. */
export function EvolutionStateBadge({ state }: { state: State }) {
  const t = useTranslations("channels.evolution.states");
  const key = state ?? "close";
  return (
    <Badge variant="outline" className="gap-1.5" data-testid="evolution-state">
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full", key === "open" ? "bg-success" : key === "connecting" ? "bg-warning" : "bg-destructive")}
      />
      {t(key)}
    </Badge>
  );
}
