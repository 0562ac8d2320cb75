"use client";

import { usePathname } from "next/navigation";
import { ContactIcon, InboxIcon, SettingsIcon, WorkflowIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { AppSidebar } from "./app-sidebar";
import { OrgSwitcher, type OrgSwitcherOrganization } from "./org-switcher";
import { UserMenu } from "./user-menu";

type OrgSidebarProps = {
  current: OrgSwitcherOrganization;
  organizations: OrgSwitcherOrganization[];
  user: { name: string; email: string };
};

/**
 * The organization's sidebar. Only features that exist are listed; Inbox, Flows, Templates, Campaigns,
 * Contacts and Spend join here as they ship.
 */
export function OrgSidebar({ current, organizations, user }: OrgSidebarProps) {
  const t = useTranslations("shell");
  const tInbox = useTranslations("inbox");
  const pathname = usePathname();
  const inboxHref = `/${current.slug}/inbox`;
  const settingsHref = `/${current.slug}/settings`;
  const flowsHref = `/${current.slug}/flows`;
  const contactsHref = `/${current.slug}/contacts`;
  const items = [
    {
      href: inboxHref,
      label: tInbox("title"),
      icon: <InboxIcon aria-hidden="true" />,
      active: pathname === inboxHref || pathname.startsWith(`${inboxHref}/`),
    },
    {
      href: contactsHref,
      label: t("contacts"),
      icon: <ContactIcon aria-hidden="true" />,
      active: pathname === contactsHref || pathname.startsWith(`${contactsHref}/`),
    },
    {
      href: flowsHref,
      label: t("flows"),
      icon: <WorkflowIcon aria-hidden="true" />,
      active: pathname === flowsHref || pathname.startsWith(`${flowsHref}/`),
    },
    {
      href: settingsHref,
      label: t("settings"),
      icon: <SettingsIcon aria-hidden="true" />,
      active: pathname === settingsHref || pathname.startsWith(`${settingsHref}/`),
    },
  ];
  return (
    <AppSidebar
      orgName={current.name}
      items={items}
      navLabel={t("navLabel")}
      header={<OrgSwitcher current={current} organizations={organizations} />}
      footer={<UserMenu name={user.name} email={user.email} />}
      className="sticky top-0"
    />
  );
}
