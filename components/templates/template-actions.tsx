"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { CopyPlusIcon, LanguagesIcon, PencilIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { ConfirmAction } from "@/components/shared/confirm-action";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";
import { TEMPLATE_LANGUAGES } from "./editor/template-editor";

const EDITABLE = ["APPROVED", "REJECTED", "PAUSED"];

/** A template's actions for writers: edit (when Meta allows it), add a language, duplicate, delete (this language or all). */
export function TemplateActions({ orgSlug, template }: { orgSlug: string; template: TemplateView }) {
  const t = useTranslations("templates.manage");
  const base = `/${orgSlug}/settings/templates`;
  const api = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/templates/${template.id}`;
  const deleted = template.status === "DELETED";
  return (
    <div className="flex flex-wrap gap-2" data-testid="template-actions">
      {EDITABLE.includes(template.status) && (
        <Link href={`${base}/${template.id}/edit`} className={buttonVariants({ variant: "outline", size: "sm" })}>
          <PencilIcon aria-hidden="true" />
          {t("edit")}
        </Link>
      )}
      <Link href={`${base}/new?from=${template.id}&language=${template.language === "pt_BR" ? "en_US" : "pt_BR"}`} className={buttonVariants({ variant: "outline", size: "sm" })}>
        <LanguagesIcon aria-hidden="true" />
        {t("addLanguage")}
      </Link>
      <DuplicateDialog orgSlug={orgSlug} template={template} />
      {!deleted && template.status !== "DISABLED" && (
        <>
          <ConfirmAction
            path={api}
            redirectTo={base}
            triggerLabel={t("delete")}
            triggerIcon={<Trash2Icon aria-hidden="true" />}
            title={t("deleteTitle")}
            description={t("deleteDescription", { name: template.name, language: template.language })}
            confirmLabel={t("deleteConfirm")}
          />
          <ConfirmAction
            path={`${api}?allLanguages=true`}
            redirectTo={base}
            triggerLabel={t("deleteAll")}
            triggerVariant="ghost"
            title={t("deleteAllTitle")}
            description={t("deleteAllDescription", { name: template.name })}
            confirmLabel={t("deleteAllConfirm")}
          />
        </>
      )}
    </div>
  );
}

function DuplicateDialog({ orgSlug, template }: { orgSlug: string; template: TemplateView }) {
  const t = useTranslations("templates.manage");
  const tc = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [name, setName] = React.useState(`${template.name}_copy`);
  const [language, setLanguage] = React.useState(template.language);
  const mutation = useMutation({
    mutationFn: () =>
      apiFetch<{ template: TemplateView }>(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/templates/${template.id}/duplicate`, { method: "POST", body: { name, language } }),
    onSuccess: ({ template: copy }) => {
      router.push(`/${orgSlug}/settings/templates/${copy.id}`);
      router.refresh();
    },
  });
  const nameError = mutation.error instanceof ApiError ? (mutation.error.issues.find((i) => i.path === "name")?.message ?? null) : null;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant="outline" size="sm">
          <CopyPlusIcon aria-hidden="true" />
          {t("duplicate")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate();
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("duplicateTitle")}</DialogTitle>
            <DialogDescription>{t("duplicateDescription")}</DialogDescription>
          </DialogHeader>
          <TextField id="duplicate-name" label={t("duplicateName")} value={name} onChange={(e) => setName(e.target.value)} error={nameError} autoComplete="off" />
          <SelectField
            id="duplicate-language"
            label={t("duplicateLanguage")}
            value={language}
            options={[...new Set([...TEMPLATE_LANGUAGES, template.language])].map((l) => ({ value: l, label: l }))}
            onChange={(e) => setLanguage(e.target.value)}
          />
          <FormError error={mutation.error} fields={["name"]} />
          <DialogFooter>
            <Button type="submit" disabled={mutation.isPending}>
              {t("duplicateSubmit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
