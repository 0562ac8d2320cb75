import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuthShell } from "@/components/auth/auth-shell";
import { InvitationMessage } from "@/components/auth/invitation-message";
import { InviteSignUpForm } from "@/components/auth/invite-sign-up-form";
import { JoinOrganizationButton } from "@/components/auth/join-organization-button";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { sessionUserId } from "@/lib/auth/actor";
import { findInvitationByToken } from "@/lib/invitations/find-invitation-by-token";
import { findUserById } from "@/lib/users/find-user-by-id";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("metaTitle") };
}

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations();
  const found = await findInvitationByToken(token);

  if (!found) {
    return (
      <InvitationMessage title={t("invite.invalidTitle")} description={t("invite.invalidDescription")} homeLabel={t("invite.goToApp")} />
    );
  }

  const organization = found.organization.name;
  if (found.state !== "pending") {
    const messages = {
      expired: [t("invite.expiredTitle"), t("invite.expiredDescription", { organization })],
      revoked: [t("invite.revokedTitle"), t("invite.revokedDescription", { organization })],
      accepted: [t("invite.acceptedTitle"), t("invite.acceptedDescription", { organization })],
    } as const;
    const [title, description] = messages[found.state];
    return <InvitationMessage title={title} description={description} homeLabel={t("invite.goToApp")} />;
  }

  const invitedEmail = found.invitation.email;
  const role = t(`roles.${found.invitation.role}`);
  const userId = await sessionUserId();
  const user = userId ? await findUserById(userId) : undefined;
  const invitePath = `/invite/${encodeURIComponent(token)}`;

  return (
    <AuthShell>
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">{t("invite.title", { organization })}</h1>
          </CardTitle>
          <CardDescription>{t("invite.description", { organization, role })}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {!user && (
            <>
              <div className="space-y-1">
                <h2 className="text-base font-semibold">{t("invite.createAccountTitle")}</h2>
                <p className="text-sm text-muted-foreground">{t("invite.createAccountDescription", { organization })}</p>
              </div>
              <InviteSignUpForm token={token} email={invitedEmail} />
              <p className="text-center text-sm text-muted-foreground">
                {t("invite.haveAccount")}{" "}
                <Link
                  href={`/sign-in?callbackUrl=${encodeURIComponent(invitePath)}`}
                  className="font-medium text-primary underline-offset-4 hover:underline"
                >
                  {t("invite.signInInstead")}
                </Link>
              </p>
            </>
          )}
          {user && user.email === invitedEmail && (
            <>
              <p className="text-sm text-muted-foreground">{t("invite.signedInAs", { email: user.email })}</p>
              <JoinOrganizationButton token={token} />
            </>
          )}
          {user && user.email !== invitedEmail && (
            <>
              <div role="status" className="space-y-1 rounded-lg border border-warning/40 bg-warning/10 p-4">
                <h2 className="text-sm font-semibold">{t("invite.wrongAccountTitle")}</h2>
                <p className="text-sm text-muted-foreground">
                  {t("invite.wrongAccountDescription", { current: user.email, invited: invitedEmail })}
                </p>
              </div>
              <SignOutButton variant="outline" className="w-full" callbackUrl={invitePath} />
            </>
          )}
        </CardContent>
      </Card>
    </AuthShell>
  );
}

