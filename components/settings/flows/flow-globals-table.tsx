import { useTranslations } from "next-intl";

import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FlowGlobalView } from "@/lib/flows/settings/list-flow-globals";
import { FlowGlobalRow } from "./flow-global-row";

type Props = { orgSlug: string; globals: FlowGlobalView[]; canManage: boolean };

/** The organization's globals; managers edit values in place and delete rows. */
export function FlowGlobalsTable({ orgSlug, globals, canManage }: Props) {
  const t = useTranslations("flowSettings");
  if (globals.length === 0) return <p className="text-sm text-muted-foreground">{t("noGlobals")}</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-64">{t("globalName")}</TableHead>
          <TableHead>{t("globalValue")}</TableHead>
          {canManage && <TableHead className="w-24" />}
        </TableRow>
      </TableHeader>
      <TableBody>
        {globals.map((g) => (
          // Keyed by value too, so a refresh after a save resets the row's local draft.
          <FlowGlobalRow key={`${g.name}:${g.updatedAt}`} orgSlug={orgSlug} global={g} canManage={canManage} />
        ))}
      </TableBody>
    </Table>
  );
}
