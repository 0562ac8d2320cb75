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
import type { DepartmentView, MemberOption } from "./types";

const FIELDS = ["name", "autoAssign", "memberIds"] as const;

type Props = { orgSlug: string; members: MemberOption[]; department?: DepartmentView };

/** Creates a department (no `department`) or edits one: name (rename), members and "assign automatically". */
export function DepartmentDialog({ orgSlug, members, department }: Props) {
  const t = useTranslations("departmentsSettings");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const initial = React.useMemo(() => new Set(department?.members.map((m) => m.userId) ?? []), [department]);
  const [picked, setPicked] = React.useState<Set<string>>(initial);
  const mutation = useMutation({
    mutationFn: (input: { name: string; autoAssign: boolean; memberIds: string[] }) => {
      const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/departments`;
      return department
        ? apiFetch(`${base}/${department.id}`, { method: "PATCH", body: input })
        : apiFetch(base, { method: "POST", body: input });
    },
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  const idPrefix = department ? `department-${department.id}` : "department-new";

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (next) setPicked(new Set(initial));
    else mutation.reset();
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.mutate({ name: String(form.get("name") ?? ""), autoAssign: form.get("autoAssign") === "on", memberIds: [...picked] });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {department ? (
          <Button type="button" variant="outline" size="sm" aria-label={t("editLabel", { name: department.name })}>
            {t("edit")}
          </Button>
        ) : (
          <Button type="button">{t("create")}</Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{department ? t("editTitle") : t("createTitle")}</DialogTitle>
            <DialogDescription>{t("dialogDescription")}</DialogDescription>
          </DialogHeader>
          <TextField id={`${idPrefix}-name`} name="name" label={t("name")} defaultValue={department?.name ?? ""} autoComplete="off" error={errors.name} required maxLength={60} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="autoAssign" defaultChecked={department?.autoAssign ?? false} className="mt-0.5 size-4" />
            <span>
              <span className="font-medium">{t("autoAssign")}</span>
              <span className="block text-xs text-muted-foreground">{t("autoAssignHint")}</span>
            </span>
          </label>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">{t("members")}</legend>
            {members.length === 0 && <p className="text-sm text-muted-foreground">{t("noMembers")}</p>}
            <div className="grid max-h-56 gap-1 overflow-y-auto">
              {members.map((m) => (
                <label key={m.userId} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={picked.has(m.userId)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(m.userId);
                      else next.delete(m.userId);
                      setPicked(next);
                    }}
                  />
                  <span>{m.name}</span>
                  <span className="text-xs text-muted-foreground">{m.email}</span>
                </label>
              ))}
            </div>
            {errors.memberIds && <p className="text-sm text-destructive">{errors.memberIds}</p>}
          </fieldset>
          <FormError error={mutation.error} fields={FIELDS} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={department ? t("save") : t("createSubmit")} pendingLabel={t("saving")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
