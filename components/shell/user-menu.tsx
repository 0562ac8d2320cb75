import { useTranslations } from "next-intl";

import { SignOutButton } from "@/components/auth/sign-out-button";

type UserMenuProps = { name: string; email: string };

/**
 * The sidebar footer: who is signed in, and the way out. The email is a tooltip rather than text so pages that
 * must not list addresses (e.g. Members for an agent) don't show one; it is on the Profile page.
 */
export function UserMenu({ name, email }: UserMenuProps) {
  const t = useTranslations("shell");
  return (
    <section aria-label={t("userMenu")} className="grid gap-2">
      <div className="flex min-w-0 items-center gap-2 px-2 pt-1" title={`${name} <${email}>`}>
        <span
          aria-hidden="true"
          className="flex size-7 shrink-0 items-center justify-center rounded-full bg-sidebar-accent text-xs font-semibold uppercase"
        >
          {name.slice(0, 1)}
        </span>
        <span className="truncate text-sm font-medium">{name}</span>
      </div>
      <SignOutButton size="sm" className="w-full justify-start" />
    </section>
  );
}
