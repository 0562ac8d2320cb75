"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AppointmentView } from "@/lib/appointments/appointment-view";
import { AppointmentDialog } from "./appointment-dialog";

const VARIANT: Record<string, "default" | "secondary" | "destructive" | "outline"> = {
  scheduled: "outline",
  confirmed: "default",
  reschedule_requested: "secondary",
  cancelled: "destructive",
  completed: "secondary",
  no_show: "destructive",
};

/** The appointments as cards (they wrap on a phone): when (in the appointment's zone), who, what, status, actions. */
export function AppointmentList({ orgSlug, appointments, canManage }: { orgSlug: string; appointments: AppointmentView[]; canManage: boolean }) {
  const t = useTranslations("appointments");
  const format = useFormatter();
  if (!appointments.length) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <ul className="grid gap-3" aria-label={t("listLabel")}>
      {appointments.map((a) => (
        <li key={a.id} className="grid gap-2 rounded-lg border p-4 sm:grid-cols-[1fr_auto] sm:items-center" data-testid="appointment" data-appointment-id={a.id}>
          <div className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{format.dateTime(new Date(a.startsAt), { dateStyle: "medium", timeStyle: "short", timeZone: a.timeZone })}</span>
              <Badge variant={VARIANT[a.status] ?? "outline"} data-testid="appointment-status">
                {t(`status.${a.status}`)}
              </Badge>
            </div>
            <p className="break-words text-sm">
              {a.contactName ?? a.contactPhone ?? t("unknownContact")}
              {a.service ? ` · ${a.service}` : ""}
              {a.staff ? ` · ${a.staff}` : ""}
            </p>
            <p className="break-words text-xs text-muted-foreground">
              {a.timeZone}
              {a.location ? ` · ${a.location}` : ""}
            </p>
          </div>
          {canManage && a.status !== "cancelled" && (
            <div className="flex flex-wrap gap-2">
              <AppointmentDialog
                orgSlug={orgSlug}
                appointment={a}
                trigger={
                  <Button type="button" variant="outline" size="sm">
                    {t("edit")}
                  </Button>
                }
              />
              <CancelButton orgSlug={orgSlug} id={a.id} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function CancelButton({ orgSlug, id }: { orgSlug: string; id: string }) {
  const t = useTranslations("appointments");
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/appointments/${id}/cancel`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={mutation.isPending}
        onClick={() => {
          if (window.confirm(t("cancelConfirm"))) mutation.mutate();
        }}
      >
        {t("cancel")}
      </Button>
      <FormError error={mutation.error} />
    </>
  );
}
