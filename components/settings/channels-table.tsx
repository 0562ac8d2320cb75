import Link from "next/link";
import { useTranslations } from "next-intl";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ChannelView } from "@/lib/channels/channel-view";

import { ChannelProviderBadge } from "./channel-provider-badge";
import { ChannelStatusBadge } from "./channel-status-badge";
import { ChannelVerificationBadge } from "./channel-verification-badge";
import { EvolutionStateBadge } from "./evolution-state-badge";

type ChannelsTableProps = { orgSlug: string; channels: ChannelView[] };

export function ChannelsTable({ orgSlug, channels }: ChannelsTableProps) {
  const t = useTranslations("channels");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("number")}</TableHead>
          <TableHead>{t("provider")}</TableHead>
          <TableHead>{t("status")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {channels.map((channel) => (
          <TableRow key={channel.id}>
            <TableCell className="font-medium">
              <Link
                href={`/${orgSlug}/settings/channels/${channel.id}`}
                className="underline-offset-4 hover:text-primary hover:underline"
              >
                {channel.name}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-xs">{channel.displayPhoneNumber}</TableCell>
            <TableCell>
              <ChannelProviderBadge provider={channel.provider} />
            </TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1.5">
                <ChannelStatusBadge status={channel.status} />
                {channel.evolution ? <EvolutionStateBadge state={channel.evolution.connectionState} /> : <ChannelVerificationBadge verification={channel.verification} />}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
