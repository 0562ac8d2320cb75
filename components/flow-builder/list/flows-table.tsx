import Link from "next/link";
import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FlowView } from "@/lib/flows/store/flow-view";
import { FlowRowActions } from "./flow-row-actions";
import { FlowStatusBadge } from "./flow-status-badge";

export function FlowsTable({ orgSlug, flows, canManage }: { orgSlug: string; flows: FlowView[]; canManage: boolean }) {
  const t = useTranslations("flows");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("updated")}</TableHead>
          {canManage && <TableHead className="text-right">{t("actions")}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {flows.map((flow) => (
          <TableRow key={flow.id} data-testid="flow-row">
            <TableCell className="font-medium">
              <Link href={`/${orgSlug}/flows/${flow.id}`} className="underline-offset-4 hover:text-primary hover:underline">
                {flow.name}
              </Link>
              {flow.description && <p className="text-xs font-normal text-muted-foreground">{flow.description}</p>}
            </TableCell>
            <TableCell>
              <FlowStatusBadge status={flow.status} version={flow.publishedVersion} draftDiffers={flow.draftDiffers} />
            </TableCell>
            <TableCell className="text-xs text-muted-foreground">
              <DateTime value={flow.updatedAt} />
            </TableCell>
            {canManage && (
              <TableCell>
                <FlowRowActions orgSlug={orgSlug} flow={flow} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
