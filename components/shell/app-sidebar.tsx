import * as React from "react";
import Link from "next/link";

import { cn } from "@/components/ui/cn";

export type AppSidebarItem = {
  href: string;
  label: string;
  icon: React.ReactNode;
  active?: boolean;
};

type AppSidebarProps = {
  orgName: string;
  items: AppSidebarItem[];
  /** Top slot, e.g. the org switcher. Falls back to the org name. */
  header?: React.ReactNode;
  /** Bottom slot, e.g. the user menu. */
  footer?: React.ReactNode;
  /** Accessible name for the <nav> landmark. */
  navLabel?: string;
  className?: string;
};

export function AppSidebar({
  orgName,
  items,
  header,
  footer,
  navLabel,
  className,
}: AppSidebarProps) {
  return (
    <aside
      data-slot="app-sidebar"
      className={cn(
        "flex h-svh w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground",
        className,
      )}
    >
      <div className="flex min-h-14 items-center border-b border-sidebar-border px-3 py-2">
        {header ?? (
          <span className="truncate px-2 text-sm font-semibold" title={orgName}>
            {orgName}
          </span>
        )}
      </div>
      <nav aria-label={navLabel} className="flex-1 overflow-y-auto p-2">
        <ul className="flex flex-col gap-0.5">
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={item.active ? "page" : undefined}
                className={cn(
                  "flex h-9 items-center gap-2 rounded-md px-2 text-sm font-medium text-sidebar-foreground/80 transition-colors outline-none hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring [&_svg]:size-4 [&_svg]:shrink-0",
                  item.active && "bg-sidebar-accent text-sidebar-accent-foreground",
                )}
              >
                {item.icon}
                <span className="truncate">{item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {footer && <div className="border-t border-sidebar-border p-2">{footer}</div>}
    </aside>
  );
}
