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
import type { AppointmentView } from "@/lib/appointments/appointment-view";

const FIELDS = ["to", "startsAt", "timeZone", "durationMinutes", "service", "staff", "location", "notes"] as const;

type Props = { orgSlug: string; appointment?: AppointmentView; trigger: React.ReactNode };

/** `datetime-local` value for an instant, in the browser's zone (what the input shows and reads back). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Book (no `appointment`) or edit an appointment. The date and time are entered in this browser's time zone; the
 * appointment's own zone (default: this browser's) is what the customer's messages are written in. A new time
 * reschedules: the customer gets a new confirmation request and the reminders move.
 */
export function AppointmentDialog({ orgSlug, appointment, trigger }: Props) {
  const t = useTranslations("appointments");
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/appointments`;
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      appointment ? apiFetch(`${base}/${appointment.id}`, { method: "PATCH", body }) : apiFetch(base, { method: "POST", body }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const errors = fieldErrorsFrom(mutation.error);
  const browserZone = React.useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (k: string) => String(form.get(k) ?? "").trim();
    const local = text("startsAt");
    const optional = (k: string) => (text(k) ? text(k) : appointment ? null : undefined);
    const body: Record<string, unknown> = {
      startsAt: local ? new Date(local).toISOString() : "",
      timeZone: text("timeZone"),
      service: optional("service"),
      staff: optional("staff"),
      location: optional("location"),
      notes: optional("notes"),
    };
    if (text("durationMinutes")) body.durationMinutes = Number(text("durationMinutes"));
    if (!appointment) body.to = text("to");
    mutation.mutate(body);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label={appointment ? t("editTitle") : t("createTitle")}>
          <DialogHeader>
            <DialogTitle>{appointment ? t("editTitle") : t("createTitle")}</DialogTitle>
            <DialogDescription>{appointment ? t("editDescription") : t("createDescription")}</DialogDescription>
          </DialogHeader>
          {!appointment && <TextField id="appointment-to" name="to" label={t("phone")} hint={t("phoneHint")} inputMode="tel" autoComplete="off" error={errors.to} required />}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="appointment-starts" name="startsAt" type="datetime-local" label={t("startsAt")} defaultValue={appointment ? toLocalInput(appointment.startsAt) : ""} error={errors.startsAt} required />
            <TextField id="appointment-zone" name="timeZone" label={t("timeZone")} defaultValue={appointment?.timeZone ?? browserZone} error={errors.timeZone} required />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField id="appointment-service" name="service" label={t("service")} defaultValue={appointment?.service ?? ""} error={errors.service} />
            <TextField id="appointment-staff" name="staff" label={t("staff")} defaultValue={appointment?.staff ?? ""} error={errors.staff} />
          </div>
          <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
            <TextField id="appointment-location" name="location" label={t("location")} defaultValue={appointment?.location ?? ""} error={errors.location} />
            <TextField id="appointment-duration" name="durationMinutes" type="number" min={5} label={t("duration")} defaultValue={String(appointment?.durationMinutes ?? 30)} error={errors.durationMinutes} />
          </div>
          <TextField id="appointment-notes" name="notes" label={t("notes")} defaultValue={appointment?.notes ?? ""} error={errors.notes} />
          <FormError error={mutation.error} fields={FIELDS} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={appointment ? t("save") : t("create")} pendingLabel={t("saving")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function NewAppointmentButton({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("appointments");
  return <AppointmentDialog orgSlug={orgSlug} trigger={<Button type="button">{t("new")}</Button>} />;
}
