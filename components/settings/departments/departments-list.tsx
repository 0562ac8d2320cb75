"use client";

import { useTranslations } from "next-intl";

import { ConfirmAction } from "@/components/shared/confirm-action";
import { Card, CardContent } from "@/components/ui/card";
import { AutoAssignSwitch } from "./auto-assign-switch";
import { DepartmentDialog } from "./department-dialog";
import type { DepartmentView, MemberOption } from "./types";

type Props = { orgSlug: string; departments: DepartmentView[]; members: MemberOption[]; canManage: boolean };

/** One card per department: members, the auto-assign switch and (for managers) edit and delete. */
export function DepartmentsList({ orgSlug, departments, members, canManage }: Props) {
  const t = useTranslations("departmentsSettings");
  return (
    <ul className="grid gap-3">
      {departments.map((d) => (
        <li key={d.id} data-testid="department-row" data-name={d.name}>
          <Card className="py-4">
            <CardContent className="flex flex-wrap items-start justify-between gap-4">
              <div className="min-w-0 space-y-1">
                <h2 className="font-medium" data-testid="department-name">
                  {d.name}
                </h2>
                <p className="text-sm text-muted-foreground" data-testid="department-members">
                  {d.members.length ? d.members.map((m) => m.name).join(", ") : t("noDepartmentMembers")}
                </p>
                <AutoAssignSwitch key={String(d.autoAssign)} orgSlug={orgSlug} departmentId={d.id} name={d.name} value={d.autoAssign} disabled={!canManage} />
              </div>
              {canManage && (
                <div className="flex gap-2">
                  <DepartmentDialog orgSlug={orgSlug} members={members} department={d} />
                  <ConfirmAction
                    path={`/api/v1/orgs/${encodeURIComponent(orgSlug)}/departments/${d.id}`}
                    triggerLabel={t("delete")}
                    title={t("deleteTitle", { name: d.name })}
                    description={t("deleteDescription")}
                    confirmLabel={t("delete")}
                  />
                </div>
              )}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
