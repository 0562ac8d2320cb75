"use client";

import { useTranslations } from "next-intl";

import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";

/** db/schema/appointments.ts appointmentStatuses (kept here so the browser bundle does not load drizzle). */
const STATUSES = ["scheduled", "confirmed", "reschedule_requested", "cancelled", "completed", "no_show"] as const;

export type AppointmentFilterValues = { from: string; to: string; status: string; staff: string };

/** A plain GET form: the filters live in the URL, so a filtered list can be shared and reloaded. */
export function AppointmentFilters({ values }: { values: AppointmentFilterValues }) {
  const t = useTranslations("appointments");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end" aria-label={t("filters")}>
      <TextField id="filter-from" name="from" type="date" label={t("from")} defaultValue={values.from} />
      <TextField id="filter-to" name="to" type="date" label={t("to")} defaultValue={values.to} />
      <SelectField
        id="filter-status"
        name="status"
        label={t("statusLabel")}
        defaultValue={values.status}
        options={[{ value: "", label: t("anyStatus") }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
      />
      <TextField id="filter-staff" name="staff" label={t("staff")} defaultValue={values.staff} />
      <Button type="submit" variant="outline">
        {t("apply")}
      </Button>
    </form>
  );
}
