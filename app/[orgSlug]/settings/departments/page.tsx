import type { Metadata } from "next";
import { UsersRoundIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { DepartmentDialog } from "@/components/settings/departments/department-dialog";
import { DepartmentsList } from "@/components/settings/departments/departments-list";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listDepartments } from "@/lib/inbox/list-departments";
import { listMembers } from "@/lib/members/list-members";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("departmentsSettings");
  return { title: t("title") };
}

export default async function DepartmentsPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("departments.read")) return <AccessDenied />;
  const canManage = ctx.can("departments.manage");
  const [departments, members, t] = await Promise.all([listDepartments(ctx.org.id), listMembers(ctx.org.id), getTranslations("departmentsSettings")]);
  const memberOptions = members.map((m) => ({ userId: m.userId, name: m.name, email: m.email }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={canManage ? t("description") : t("readOnly")}
        actions={canManage ? <DepartmentDialog orgSlug={ctx.org.slug} members={memberOptions} /> : null}
      />
      {departments.length === 0 ? (
        <EmptyState icon={<UsersRoundIcon aria-hidden="true" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <DepartmentsList orgSlug={ctx.org.slug} departments={departments} members={memberOptions} canManage={canManage} />
      )}
    </>
  );
}
