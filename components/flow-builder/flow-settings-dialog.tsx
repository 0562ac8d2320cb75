"use client";

import * as React from "react";
import { SlidersHorizontalIcon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { fieldErrorsFrom } from "@/components/api/field-errors";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { FlowView } from "@/lib/flows/store/flow-view";

const FIELDS = ["name", "description", "settings.expiryMinutes", "settings.closingMessage", "settings.restartKeyword"] as const;

/** The flow's name, description and runtime settings (session expiry, closing message, restart keyword). */
export function FlowSettingsDialog({ base, flow, readOnly, onSaved }: { base: string; flow: FlowView; readOnly: boolean; onSaved: (flow: FlowView) => void }) {
  const t = useTranslations("flowEditor.flowSettings");
  const tc = useTranslations("common");
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch<{ flow: FlowView }>(base, { method: "PATCH", body }),
    onSuccess: ({ flow: saved }) => {
      onSaved(saved);
      setOpen(false);
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <SlidersHorizontalIcon aria-hidden="true" />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            mutation.mutate({
              name: String(f.get("name") ?? ""),
              description: String(f.get("description") ?? ""),
              settings: {
                expiryMinutes: Number(f.get("expiryMinutes")),
                closingMessage: String(f.get("closingMessage") ?? ""),
                restartKeyword: String(f.get("restartKeyword") ?? ""),
              },
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <fieldset disabled={readOnly} className="grid gap-4">
            <TextField id="flow-settings-name" name="name" label={t("name")} defaultValue={flow.name} error={errors.name} />
            <TextField id="flow-settings-description" name="description" label={t("descriptionField")} defaultValue={flow.description} error={errors.description} />
            <TextField
              id="flow-settings-expiry"
              name="expiryMinutes"
              type="number"
              min={1}
              max={10080}
              label={t("expiryMinutes")}
              hint={t("expiryMinutesHint")}
              defaultValue={flow.settings.expiryMinutes}
              error={errors["settings.expiryMinutes"]}
            />
            <TextField
              id="flow-settings-closing"
              name="closingMessage"
              label={t("closingMessage")}
              hint={t("closingMessageHint")}
              defaultValue={flow.settings.closingMessage}
              error={errors["settings.closingMessage"]}
            />
            <TextField
              id="flow-settings-restart"
              name="restartKeyword"
              label={t("restartKeyword")}
              hint={t("restartKeywordHint")}
              defaultValue={flow.settings.restartKeyword}
              error={errors["settings.restartKeyword"]}
            />
          </fieldset>
          <FormError error={mutation.error} fields={FIELDS} />
          {!readOnly && <DialogFormFooter pending={mutation.isPending} submitLabel={tc("save")} pendingLabel={tc("saving")} />}
        </form>
      </DialogContent>
    </Dialog>
  );
}
