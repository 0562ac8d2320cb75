"use client";

import * as React from "react";
import { LogOutIcon } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

import { Button, type ButtonProps } from "@/components/ui/button";

type SignOutButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  /** Where to land afterwards (a same-origin path). */
  callbackUrl?: string;
};

export function SignOutButton({ callbackUrl = "/sign-in", variant = "ghost", ...props }: SignOutButtonProps) {
  const t = useTranslations("auth");
  const [pending, setPending] = React.useState(false);
  return (
    <Button
      type="button"
      variant={variant}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          // No redirect from next-auth: its target depends on NEXTAUTH_URL, which may not match the address in use.
          await signOut({ redirect: false });
          window.location.assign(callbackUrl);
        } catch {
          setPending(false);
        }
      }}
      {...props}
    >
      <LogOutIcon aria-hidden="true" />
      {t("signOut")}
    </Button>
  );
}
