"use client";

import { useRouter } from "next/navigation";
import { CheckIcon, ChevronsUpDownIcon, PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

import { rememberOrgSlug } from "./org-cookie";

export type OrgSwitcherOrganization = { slug: string; name: string };

type OrgSwitcherProps = {
  current: OrgSwitcherOrganization;
  organizations: OrgSwitcherOrganization[];
};

/** The sidebar header: the current organization, and a menu to switch to another or create one. */
export function OrgSwitcher({ current, organizations }: OrgSwitcherProps) {
  const t = useTranslations("shell");
  const router = useRouter();

  function open(slug: string) {
    rememberOrgSlug(slug);
    router.push(`/${slug}`);
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-none hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-sidebar-ring data-[state=open]:bg-sidebar-accent"
        title={t("switchOrganization")}
      >
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-xs font-semibold text-primary-foreground uppercase"
        >
          {current.name.slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1 truncate font-semibold">{current.name}</span>
        <ChevronsUpDownIcon aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-56">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">{t("organizations")}</DropdownMenuLabel>
        {organizations.map((org) => (
          <DropdownMenuItem key={org.slug} onSelect={() => open(org.slug)}>
            <span className="min-w-0 flex-1 truncate">{org.name}</span>
            {org.slug === current.slug && <CheckIcon aria-hidden="true" className="ml-auto" />}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => router.push("/orgs/new")}>
          <PlusIcon aria-hidden="true" />
          {t("newOrganization")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
