"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

const FIELDS = ["shortcut", "body"] as const;

export type CannedReplyView = { id: string; shortcut: string; body: string };

type Props = { orgSlug: string; reply?: CannedReplyView };

/** Creates a canned reply (no `reply`) or edits one: the `/shortcut` agents type and the text it inserts. */
export function CannedReplyDialog({ orgSlug, reply }: Props) {
  const t = useTranslations("cannedRepliesSettings");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: (input: { shortcut: string; body: string }) => {
      const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/canned-replies`;
      return reply ? apiFetch(`${base}/${reply.id}`, { method: "PATCH", body: input }) : apiFetch(base, { method: "POST", body: input });
    },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  const idPrefix = reply ? `canned-${reply.id}` : "canned-new";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Agents think of it as "/prazo": accept the slash, store the bare shortcut.
    const shortcut = String(form.get("shortcut") ?? "").trim().replace(/^\//, "").toLowerCase();
    mutation.mutate({ shortcut, body: String(form.get("body") ?? "") });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        {reply ? (
          <Button type="button" variant="outline" size="sm" aria-label={t("editLabel", { shortcut: reply.shortcut })}>
            {t("edit")}
          </Button>
        ) : (
          <Button type="button">{t("create")}</Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{reply ? t("editTitle") : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("dialogDescription")}</DialogDescription>
          </DialogHeader>
          <TextField
            id={`${idPrefix}-shortcut`}
            name="shortcut"
            label={t("shortcut")}
            hint={t("shortcutHint")}
            defaultValue={reply?.shortcut ?? ""}
            autoComplete="off"
            error={errors.shortcut}
            required
            maxLength={33}
          />
          <div className="grid gap-2">
            <Label htmlFor={`${idPrefix}-body`}>{t("body")}</Label>
            <Textarea
              id={`${idPrefix}-body`}
              name="body"
              rows={5}
              defaultValue={reply?.body ?? ""}
              maxLength={4096}
              aria-invalid={errors.body ? true : undefined}
              aria-describedby={errors.body ? `${idPrefix}-body-error` : undefined}
              required
            />
            <FieldError id={errors.body ? `${idPrefix}-body-error` : undefined} message={errors.body} />
          </div>
          <FormError error={mutation.error} fields={FIELDS} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={reply ? t("save") : t("createSubmit")} pendingLabel={t("saving")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
