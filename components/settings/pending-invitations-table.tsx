import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { RoleBadge } from "@/components/shared/role-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Role } from "@/db/schema";

import { RevokeInvitationButton } from "./revoke-invitation-button";

export type PendingInvitationRow = { id: string; email: string; role: Role; expiresAt: Date | string };

type PendingInvitationsTableProps = { orgSlug: string; invitations: PendingInvitationRow[] };

export function PendingInvitationsTable({ orgSlug, invitations }: PendingInvitationsTableProps) {
  const t = useTranslations("members.pending");
  if (invitations.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("email")}</TableHead>
          <TableHead>{t("role")}</TableHead>
          <TableHead>{t("expires")}</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">{t("revoke")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invitations.map((invitation) => (
          <TableRow key={invitation.id}>
            <TableCell className="font-medium">{invitation.email}</TableCell>
            <TableCell>
              <RoleBadge role={invitation.role} />
            </TableCell>
            <TableCell className="text-muted-foreground">
              <DateTime value={invitation.expiresAt} />
            </TableCell>
            <TableCell className="text-right">
              <RevokeInvitationButton orgSlug={orgSlug} invitationId={invitation.id} email={invitation.email} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
