import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { RoleBadge } from "@/components/shared/role-badge";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Role } from "@/db/schema";

import { MemberRoleSelect } from "./member-role-select";
import { RemoveMemberButton } from "./remove-member-button";

export type MemberRow = { id: string; userId: string; name: string; email: string; role: Role; createdAt: Date | string };

type MembersTableProps = {
  orgSlug: string;
  members: MemberRow[];
  currentUserId: string;
  canUpdate: boolean;
  canRemove: boolean;
  canManageOwners: boolean;
  /** Roles the viewer may grant. */
  assignable: Role[];
};

/** Everyone in the organization; role and removal controls appear only where the viewer may use them. */
export function MembersTable({ orgSlug, members, currentUserId, canUpdate, canRemove, canManageOwners, assignable }: MembersTableProps) {
  const t = useTranslations();
  const showActions = canRemove;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("members.name")}</TableHead>
          <TableHead>{t("members.email")}</TableHead>
          <TableHead>{t("members.role")}</TableHead>
          <TableHead>{t("members.joined")}</TableHead>
          {showActions && (
            <TableHead className="text-right">
              <span className="sr-only">{t("members.actions")}</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.userId === currentUserId;
          // Owners are only managed by owners; nobody edits or removes themselves from this table.
          const locked = isSelf || (member.role === "owner" && !canManageOwners);
          return (
            <TableRow key={member.id}>
              <TableCell className="font-medium">
                <span className="flex items-center gap-2">
                  {member.name}
                  {isSelf && <Badge variant="outline">{t("common.you")}</Badge>}
                </span>
              </TableCell>
              <TableCell className="text-muted-foreground">{member.email}</TableCell>
              <TableCell>
                {canUpdate && !locked ? (
                  <MemberRoleSelect
                    orgSlug={orgSlug}
                    membershipId={member.id}
                    memberName={member.name}
                    role={member.role}
                    options={assignable}
                  />
                ) : (
                  <RoleBadge role={member.role} />
                )}
              </TableCell>
              <TableCell className="text-muted-foreground">
                <DateTime value={member.createdAt} format="date" />
              </TableCell>
              {showActions && (
                <TableCell className="text-right">
                  {!locked && (
                    <RemoveMemberButton orgSlug={orgSlug} membershipId={member.id} name={member.name} email={member.email} />
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
