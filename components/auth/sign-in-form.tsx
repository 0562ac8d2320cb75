"use client";

import * as React from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import { safeCallbackPath } from "./safe-callback-path";

class InvalidCredentials extends Error {}
class TooManyAttempts extends Error {}

/** Email + password sign-in; on success a full navigation so the new session (and language) apply everywhere. */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth.signIn");
  const mutation = useMutation({
    mutationFn: async (credentials: { email: string; password: string }) => {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (!result || result.error) {
        // 429 from the sign-in rate limit (lib/auth/sign-in-throttle.ts).
        if (result?.error === "TooManyAttempts" || result?.status === 429) throw new TooManyAttempts();
        if (result?.error === "CredentialsSignin" || result?.status === 401) throw new InvalidCredentials();
        throw new Error(result?.error ?? "Sign-in failed");
      }
    },
    // A full page load, so the new session (and the person's saved language) apply everywhere at once.
    onSuccess: () => window.location.assign(safeCallbackPath(callbackUrl)),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    mutation.mutate({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
  }

  const busy = mutation.isPending || mutation.isSuccess;

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <TextField id="email" name="email" type="email" label={t("email")} autoComplete="email" required autoFocus />
      <TextField id="password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      {mutation.error instanceof InvalidCredentials || mutation.error instanceof TooManyAttempts ? (
        <Alert variant="destructive">
          <AlertDescription>{t(mutation.error instanceof TooManyAttempts ? "tooManyAttempts" : "invalidCredentials")}</AlertDescription>
        </Alert>
      ) : (
        <FormError error={mutation.error} />
      )}
      <Button type="submit" disabled={busy} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-primary underline-offset-4 hover:underline">
          {t("signUpLink")}
        </Link>
      </p>
    </form>
  );
}
