"use client";

import { usePathname } from "next/navigation";

import { SettingsNav } from "./settings-nav";

type SettingsSidebarNavProps = {
  items: { href: string; label: string }[];
  label: string;
};

/** SettingsNav with the current page highlighted. */
export function SettingsSidebarNav({ items, label }: SettingsSidebarNavProps) {
  const pathname = usePathname();
  return (
    <SettingsNav
      label={label}
      items={items.map((item) => ({
        ...item,
        active: pathname === item.href || pathname.startsWith(`${item.href}/`),
      }))}
    />
  );
}
