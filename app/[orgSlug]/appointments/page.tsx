import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AppointmentFilters } from "@/components/appointments/appointment-filters";
import { AppointmentList } from "@/components/appointments/appointment-list";
import { AppointmentSettingsForm } from "@/components/appointments/appointment-settings-form";
import { NewAppointmentButton } from "@/components/appointments/appointment-dialog";
import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAppointmentSettings } from "@/lib/appointments/appointment-settings";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { appointmentPageQuery } from "@/lib/appointments/page-query";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listFlows } from "@/lib/flows/store/list-flows";

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appointments");
  return { title: t("title") };
}

/** Appointments: the upcoming list (filters in the URL), book / edit / cancel, and the reminder settings for admins. */
export default async function AppointmentsPage({ params, searchParams }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("appointments.read")) return <AccessDenied />;
  const { values, query } = appointmentPageQuery(await searchParams);
  const [appointments, t] = await Promise.all([
    listAppointments(ctx.org.id, query),
    getTranslations("appointments"),
  ]);
  const configure = ctx.can("appointments.configure");
  const [settings, flows] = configure ? await Promise.all([getAppointmentSettings(ctx.org.id), listFlows(ctx.org.id)]) : [null, []];
  const canManage = ctx.can("appointments.manage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={canManage ? <NewAppointmentButton orgSlug={ctx.org.slug} /> : undefined} />
      <div className="grid gap-6">
        <AppointmentFilters values={values} />
        <AppointmentList orgSlug={ctx.org.slug} appointments={appointments} canManage={canManage} />
        {settings && (
          <Card>
            <CardHeader>
              <CardTitle>{t("settings.title")}</CardTitle>
              <CardDescription>{t("settings.description")}</CardDescription>
            </CardHeader>
            <CardContent>
              <AppointmentSettingsForm orgSlug={ctx.org.slug} settings={settings} flows={flows.map((f) => ({ id: f.id, name: f.name }))} />
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
