import * as React from "react";
import Link from "next/link";

import { cn } from "@/components/ui/cn";

export type SettingsNavItem = {
  href: string;
  label: string;
  active?: boolean;
};

type SettingsNavProps = {
  items: SettingsNavItem[];
  /** Accessible name for the <nav> landmark. */
  label?: string;
  className?: string;
};

export function SettingsNav({ items, label, className }: SettingsNavProps) {
  return (
    <nav data-slot="settings-nav" aria-label={label} className={cn("w-full md:w-48", className)}>
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.active ? "page" : undefined}
              className={cn(
                "flex h-9 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring",
                item.active && "bg-accent text-accent-foreground",
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
