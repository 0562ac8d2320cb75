import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import type { ChannelView } from "@/lib/channels/channel-view";

export function ChannelProviderBadge({ provider }: { provider: ChannelView["provider"] }) {
  const t = useTranslations("channels.providers");
  return <Badge variant={provider === "cloud" ? "secondary" : "outline"}>{t(provider)}</Badge>;
}
