import { defineRoutes } from "./define-route";
import { appointmentCreateInput, appointmentListQuery, appointmentSettingsInput, appointmentUpdateInput } from "@/lib/appointments/appointment-input";

// The appointments routes of the v1 API (lib/appointments/README.md): confirmation request and reminders are durable.

export const appointmentsRoutes = defineRoutes("appointments", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/appointments", summary: "List appointments by start time (filters: from, to, status, staff, contact)", access: "appointments.read", query: appointmentListQuery },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/appointments", summary: "Create an appointment: sends the confirmation request and schedules the reminders", access: "appointments.manage", body: appointmentCreateInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/appointments/settings", summary: "Get the reminder offsets, templates and reschedule flow", access: "appointments.read" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/appointments/settings", summary: "Replace the reminder offsets, templates and reschedule flow", access: "appointments.configure", body: appointmentSettingsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/appointments/{appointmentId}", summary: "Get an appointment", access: "appointments.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/appointments/{appointmentId}", summary: "Update an appointment (a new time reschedules: reminders move)", access: "appointments.manage", body: appointmentUpdateInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/appointments/{appointmentId}/cancel", summary: "Cancel an appointment (pending reminders send nothing)", access: "appointments.manage" },
]);
