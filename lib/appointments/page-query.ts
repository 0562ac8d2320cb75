import { appointmentStatuses, type AppointmentStatus } from "@/db/schema";
import type { AppointmentListQuery } from "./appointment-input";

export type AppointmentPageFilters = { from: string; to: string; status: string; staff: string };

const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");

/**
 * The appointments page's URL filters (dates as YYYY-MM-DD, read as UTC days) as a list query. With no `from`, the
 * list starts 12 hours ago: upcoming, plus today's earlier appointments still worth a glance.
 */
export function appointmentPageQuery(sp: Record<string, string | string[] | undefined>, now = new Date()): { values: AppointmentPageFilters; query: AppointmentListQuery } {
  const values = {
    from: day(sp.from),
    to: day(sp.to),
    status: (appointmentStatuses as readonly string[]).includes(String(sp.status)) ? String(sp.status) : "",
    staff: typeof sp.staff === "string" ? sp.staff.trim().slice(0, 200) : "",
  };
  return {
    values,
    query: {
      from: values.from ? `${values.from}T00:00:00Z` : new Date(now.getTime() - 12 * 3_600_000).toISOString(),
      to: values.to ? new Date(Date.parse(`${values.to}T00:00:00Z`) + 86_400_000).toISOString() : undefined,
      status: (values.status || undefined) as AppointmentStatus | undefined,
      staff: values.staff || undefined,
      limit: 200,
    },
  };
}
