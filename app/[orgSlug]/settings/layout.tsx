import { getTranslations } from "next-intl/server";

import { SettingsSidebarNav } from "@/components/shell/settings-sidebar-nav";
import { requireOrgPage } from "@/lib/auth/page-guard";
import type { Permission } from "@/lib/auth/permissions";

type Props = { children: React.ReactNode; params: Promise<{ orgSlug: string }> };

/** Settings sections, each listed only when the member may use it (Profile is everyone's). */
const sections = [
  { segment: "profile", key: "profile", permission: null },
  { segment: "organization", key: "organization", permission: "org.read" },
  { segment: "members", key: "members", permission: "members.read" },
  { segment: "channels", key: "channels", permission: "channels.manage" },
  { segment: "templates", key: "templates", permission: "templates.read" },
  { segment: "flows", key: "flows", permission: "flows.read" },
  { segment: "departments", key: "departments", permission: "departments.read" },
  { segment: "consent", key: "consent", permission: "contacts.read" },
  { segment: "canned-replies", key: "cannedReplies", permission: "conversations.read" },
  { segment: "api-keys", key: "apiKeys", permission: "apiKeys.manage" },
  { segment: "sms-gateway", key: "smsGateway", permission: "integrations.manage" },
  { segment: "integrations", key: "integrations", permission: "integrations.manage" },
  { segment: "audit-log", key: "auditLog", permission: "audit.read" },
  { segment: "runs", key: "runs", permission: "runs.read" },
  { segment: "events", key: "events", permission: "runs.read" },
  { segment: "spend", key: "spend", permission: "spend.read" },
] as const satisfies readonly { segment: string; key: string; permission: Permission | null }[];

export default async function SettingsLayout({ children, params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  const t = await getTranslations("settings");
  const items = sections
    .filter((section) => section.permission === null || ctx.can(section.permission))
    .map((section) => ({ href: `/${ctx.org.slug}/settings/${section.segment}`, label: t(`nav.${section.key}`) }));

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row md:gap-10 md:px-8 md:py-10">
      <SettingsSidebarNav items={items} label={t("navLabel")} />
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
