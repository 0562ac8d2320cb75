import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { assignableRoles } from "@/components/settings/assignable-roles";
import { InviteMemberDialog } from "@/components/settings/invite-member-dialog";
import { MembersTable } from "@/components/settings/members-table";
import { PendingInvitationsTable } from "@/components/settings/pending-invitations-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listPendingInvitations } from "@/lib/invitations/list-pending-invitations";
import { listMembers } from "@/lib/members/list-members";

type Props = { params: Promise<{ orgSlug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("members.read")) return <AccessDenied />;

  const canInvite = ctx.can("members.invite");
  const [members, invitations, t] = await Promise.all([
    listMembers(ctx.org.id),
    canInvite ? listPendingInvitations(ctx.org.id) : Promise.resolve([]),
    getTranslations("members"),
  ]);
  const roles = assignableRoles(ctx);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canInvite && <InviteMemberDialog orgSlug={ctx.org.slug} roles={roles} />}
      />
      <div className="grid gap-6">
        <Card className="py-2">
          <CardContent className="px-2">
            <MembersTable
              orgSlug={ctx.org.slug}
              members={members}
              currentUserId={ctx.userId ?? ""}
              canUpdate={ctx.can("members.update")}
              canRemove={ctx.can("members.remove")}
              canManageOwners={ctx.can("members.manageOwners")}
              assignable={roles}
            />
          </CardContent>
        </Card>
        {canInvite && (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>{t("pending.title")}</h2>
              </CardTitle>
              <CardDescription>{t("pending.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <PendingInvitationsTable orgSlug={ctx.org.slug} invitations={invitations} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
