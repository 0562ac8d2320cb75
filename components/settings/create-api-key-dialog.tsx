"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { KeyRoundIcon, TriangleAlertIcon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { FormError } from "@/components/forms/form-error";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { RoleField } from "@/components/forms/role-field";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { CopyableValue } from "@/components/shared/copyable-value";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { Role } from "@/db/schema";

import { ApiKeyScopesField } from "./api-key-scopes-field";

const FIELDS = ["name", "role", "scopes", "expiresAt"] as const;

const EXPIRY_DAYS = ["never", "30", "90", "365"] as const;

type CreateApiKeyResponse = { apiKey: { id: string; name: string }; token: string };

type CreateApiKeyDialogProps = { orgSlug: string; roles: Role[] };

/** Creates a key and shows it exactly once; closing the dialog forgets it. */
export function CreateApiKeyDialog({ orgSlug, roles }: CreateApiKeyDialogProps) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const defaultRole: Role = roles.includes("agent") ? "agent" : (roles[roles.length - 1] ?? "viewer");
  const [role, setRole] = React.useState<Role>(defaultRole);
  const [scopes, setScopes] = React.useState<string[] | null>(null);
  const [expiry, setExpiry] = React.useState<(typeof EXPIRY_DAYS)[number]>("never");
  const mutation = useMutation({
    mutationFn: (input: { name: string; role: Role; scopes?: string[]; expiresAt?: string }) =>
      apiFetch<CreateApiKeyResponse>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/api-keys`, { method: "POST", body: input }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsFrom(mutation.error);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      mutation.reset();
      setRole(defaultRole);
      setScopes(null);
      setExpiry("never");
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const expiresAt = expiry === "never" ? undefined : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString();
    mutation.mutate({ name: String(new FormData(event.currentTarget).get("name") ?? ""), role, scopes: scopes ?? undefined, expiresAt });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button">
          <KeyRoundIcon aria-hidden="true" />
          {t("apiKeys.create.trigger")}
        </Button>
      </DialogTrigger>
      <DialogContent
        closeLabel={t("common.close")}
        // The key can't be shown again: don't lose it to a stray click outside.
        onInteractOutside={(event) => mutation.data && event.preventDefault()}
      >
        {mutation.data ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("apiKeys.create.createdTitle")}</DialogTitle>
              <DialogDescription>{mutation.data.apiKey.name}</DialogDescription>
            </DialogHeader>
            <Alert>
              <TriangleAlertIcon aria-hidden="true" className="text-warning" />
              <AlertDescription className="text-foreground">{t("apiKeys.create.createdWarning")}</AlertDescription>
            </Alert>
            <div className="grid gap-2">
              <span className="text-sm font-medium">{t("apiKeys.create.token")}</span>
              <CopyableValue value={mutation.data.token} copyLabel={t("apiKeys.create.copyToken")} testId="api-key-token" />
            </div>
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button">{t("common.done")}</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("apiKeys.create.title")}</DialogTitle>
              <DialogDescription>{t("apiKeys.create.description")}</DialogDescription>
            </DialogHeader>
            <TextField
              id="api-key-name"
              name="name"
              label={t("apiKeys.create.name")}
              hint={t("apiKeys.create.nameHint")}
              autoComplete="off"
              error={errors.name}
              required
            />
            <RoleField
              id="api-key-role"
              label={t("apiKeys.create.role")}
              value={role}
              onChange={setRole}
              roles={roles}
              error={errors.role}
            />
            <ApiKeyScopesField value={scopes} onChange={setScopes} error={errors.scopes} />
            <SelectField
              id="api-key-expiry"
              label={t("apiKeys.create.expiry")}
              value={expiry}
              onChange={(e) => setExpiry(e.target.value as (typeof EXPIRY_DAYS)[number])}
              options={EXPIRY_DAYS.map((d) => ({ value: d, label: d === "never" ? t("apiKeys.create.expiryNever") : t("apiKeys.create.expiryDays", { days: Number(d) }) }))}
              error={errors.expiresAt}
            />
            <FormError error={mutation.error} fields={FIELDS} />
            <DialogFormFooter
              pending={mutation.isPending}
              submitLabel={t("apiKeys.create.submit")}
              pendingLabel={t("apiKeys.create.submitting")}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
