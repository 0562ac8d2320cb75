"use client";

import { usePathname } from "next/navigation";
import { CalendarClockIcon, ChartLineIcon, ContactIcon, InboxIcon, ReceiptIcon, SettingsIcon, WorkflowIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { AppSidebar } from "./app-sidebar";
import { MobileTopBar } from "./mobile-top-bar";
import { OrgSwitcher, type OrgSwitcherOrganization } from "./org-switcher";
import { UserMenu } from "./user-menu";

type OrgSidebarProps = {
  current: OrgSwitcherOrganization;
  organizations: OrgSwitcherOrganization[];
  user: { name: string; email: string };
  /** Spend is listed only for members who may read it (spend.read). */
  showSpend?: boolean;
  /** The overview and its reports (analytics.read). */
  showOverview?: boolean;
};

/**
 * The organization's sidebar. Only features that exist are listed; Inbox, Flows, Templates, Campaigns,
 * Contacts and Spend join here as they ship. Every page inside the organization inherits the responsive shell.
 */
export function OrgSidebar({ current, organizations, user, showSpend, showOverview }: OrgSidebarProps) {
  const t = useTranslations("shell");
  const tInbox = useTranslations("inbox");
  const pathname = usePathname();
  const inboxHref = `/${current.slug}/inbox`;
  const settingsHref = `/${current.slug}/settings`;
  const flowsHref = `/${current.slug}/flows`;
  const contactsHref = `/${current.slug}/contacts`;
  const overviewHref = `/${current.slug}/overview`;
  const items = [
    ...(showOverview
      ? [
          {
            href: overviewHref,
            label: t("overview"),
            icon: <ChartLineIcon aria-hidden="true" />,
            active: pathname === overviewHref || pathname.startsWith(`${overviewHref}/`),
          },
        ]
      : []),
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
      href: `/${current.slug}/appointments`,
      label: t("appointments"),
      icon: <CalendarClockIcon aria-hidden="true" />,
      active: pathname === `/${current.slug}/appointments`,
    },
    {
      href: flowsHref,
      label: t("flows"),
      icon: <WorkflowIcon aria-hidden="true" />,
      active: pathname === flowsHref || pathname.startsWith(`${flowsHref}/`),
    },
    ...(showSpend
      ? [
          {
            href: `/${current.slug}/spend`,
            label: t("spend"),
            icon: <ReceiptIcon aria-hidden="true" />,
            active: pathname === `/${current.slug}/spend`,
          },
        ]
      : []),
    {
      href: settingsHref,
      label: t("settings"),
      icon: <SettingsIcon aria-hidden="true" />,
      active: pathname === settingsHref || pathname.startsWith(`${settingsHref}/`),
    },
  ];
  const sidebar = (className: string) => (
    <AppSidebar
      orgName={current.name}
      items={items}
      navLabel={t("navLabel")}
      header={<OrgSwitcher current={current} organizations={organizations} />}
      footer={<UserMenu name={user.name} email={user.email} />}
      className={className}
    />
  );
  // One sidebar for wide screens; below `md` the same sidebar opens as a sheet from a top bar (mounted only while
  // open, so a page never holds two copies of its links).
  const here = items.find((item) => item.active)?.label;
  return (
    <>
      <MobileTopBar title={here ? `${here} · ${current.name}` : current.name}>{sidebar("h-full w-full")}</MobileTopBar>
      {sidebar("sticky top-0 hidden md:flex")}
    </>
  );
}
