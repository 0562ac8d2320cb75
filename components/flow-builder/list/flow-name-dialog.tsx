"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { fieldErrorsFrom } from "@/components/api/field-errors";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { FormError } from "@/components/forms/form-error";
import { TextField } from "@/components/forms/text-field";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

const FIELDS = ["name", "description"] as const;
type Values = { name: string; description: string };

type Props = {
  trigger: React.ReactNode;
  title: string;
  description: string;
  submitLabel: string;
  initial?: Values;
  onSubmit: (values: Values) => Promise<unknown>;
};

/** Name + description of a flow, for both "New flow" and "Rename". */
export function FlowNameDialog({ trigger, title, description, submitLabel, initial, onSubmit }: Props) {
  const t = useTranslations();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({ mutationFn: onSubmit, onSuccess: () => setOpen(false) });
  const errors = fieldErrorsFrom(mutation.error);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("common.close")}>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            mutation.mutate({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
          }}
        >
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <TextField id="flow-name" name="name" label={t("flows.form.name")} defaultValue={initial?.name} autoComplete="off" error={errors.name} required />
          <TextField
            id="flow-description"
            name="description"
            label={t("flows.form.description")}
            defaultValue={initial?.description}
            autoComplete="off"
            error={errors.description}
          />
          <FormError error={mutation.error} fields={FIELDS} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={submitLabel} pendingLabel={t("common.saving")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
