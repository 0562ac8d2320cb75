import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OrgSidebar } from "@/components/shell/org-sidebar";
import { RememberOrg } from "@/components/shell/remember-org";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";
import { findUserById } from "@/lib/users/find-user-by-id";

type Props = { children: React.ReactNode; params: Promise<{ orgSlug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await requireOrgPage((await params).orgSlug);
  return { title: { default: ctx.org.name, template: `%s · ${ctx.org.name}` } };
}

/** The app shell for everything inside an organization. */
export default async function OrgLayout({ children, params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  const userId = ctx.userId;
  if (!userId) notFound();
  const [organizations, user] = await Promise.all([listUserOrganizations(userId), findUserById(userId)]);
  if (!user) notFound();

  return (
    // --shell-top is the height the shell takes above a page (the mobile top bar); full-height pages subtract it.
    <div className="flex min-h-svh flex-col [--shell-top:3rem] md:flex-row md:[--shell-top:0px]">
      <RememberOrg slug={ctx.org.slug} />
      <OrgSidebar
        current={{ slug: ctx.org.slug, name: ctx.org.name }}
        organizations={organizations.map(({ slug, name }) => ({ slug, name }))}
        user={{ name: user.name, email: user.email }}
        showSpend={ctx.can("spend.read")}
        showOverview={ctx.can("analytics.read")}
      />
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
