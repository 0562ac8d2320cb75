"use client";

import * as React from "react";
import { usePathname } from "next/navigation";
import { Dialog as DialogPrimitive } from "radix-ui";
import { MenuIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/**
 * Below `md` the sidebar does not fit beside a page: a top bar with a menu button opens it as a sheet from the
 * left. The sheet closes itself when the page changes (a link in it was followed).
 */
export function MobileTopBar({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useTranslations("shell");
  const [open, setOpen] = React.useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = React.useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <header data-slot="mobile-top-bar" className="sticky top-0 z-30 flex h-12 shrink-0 items-center gap-2 border-b bg-background px-2 md:hidden">
        <DialogPrimitive.Trigger asChild>
          <Button type="button" variant="ghost" size="icon" aria-label={t("openMenu")}>
            <MenuIcon aria-hidden="true" />
          </Button>
        </DialogPrimitive.Trigger>
        <span className="truncate text-sm font-semibold">{title}</span>
      </header>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50 md:hidden" />
        <DialogPrimitive.Content
          data-testid="mobile-nav-sheet"
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] shadow-lg outline-none md:hidden"
          aria-describedby={undefined}
        >
          <DialogPrimitive.Title className="sr-only">{t("navLabel")}</DialogPrimitive.Title>
          {children}
          <DialogPrimitive.Close asChild>
            <Button type="button" variant="ghost" size="icon" aria-label={t("closeMenu")} className="absolute top-2 -right-11 bg-background">
              <XIcon aria-hidden="true" />
            </Button>
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
