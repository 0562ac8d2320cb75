import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";

import { AccessDenied } from "@/components/shell/access-denied";
import { PageHeader } from "@/components/shell/page-header";
import { AutoRefresh } from "@/components/settings/auto-refresh";
import { CancelRunButton } from "@/components/settings/cancel-run-button";
import { ExternalRunsNotice } from "@/components/settings/external-runs-notice";
import { JsonBlock } from "@/components/settings/json-block";
import { ReplayRunButton } from "@/components/settings/replay-run-button";
import { RunDuration } from "@/components/settings/run-duration";
import { RunStatusBadge } from "@/components/settings/run-status-badge";
import { RunSteps } from "@/components/settings/run-steps";
import { DateTime } from "@/components/shared/date-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { inngestMode } from "@/inngest/mode";
import type { OrgContext } from "@/lib/auth/org-context";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { getRunOrThrow } from "@/lib/runs/get-run-or-throw";
import { parseRunId } from "@/lib/runs/parse-run-id";

type Props = { params: Promise<{ orgSlug: string; runId: string }> };

/** Another organization's run, or an id that is not one, is the not-found page: nothing says it exists. */
async function loadRun(ctx: OrgContext, runId: string) {
  try {
    return await getRunOrThrow(ctx.org.id, parseRunId(runId));
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("runs.detail");
  return { title: t("title") };
}

export default async function RunPage({ params }: Props) {
  const { orgSlug, runId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("runs.read")) return <AccessDenied />;
  const t = await getTranslations("runs");
  const embedded = inngestMode() === "embedded";
  const run = await loadRun(ctx, runId);
  const canManage = ctx.can("runs.manage") && embedded;
  const running = run.status === "running";

  return (
    <>
      <Link
        href={`/${ctx.org.slug}/settings/runs`}
        className="mb-4 inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeftIcon aria-hidden="true" className="size-4" />
        {t("detail.back")}
      </Link>
      {!embedded && <ExternalRunsNotice />}
      {running && <AutoRefresh />}
      <PageHeader
        title={t("detail.title")}
        description={<span className="font-mono">{run.functionName ?? run.functionId}</span>}
        actions={
          <>
            <RunStatusBadge status={run.status} />
            {canManage && running && <CancelRunButton orgSlug={ctx.org.slug} runId={run.id} />}
            {canManage && <ReplayRunButton orgSlug={ctx.org.slug} runId={run.id} />}
          </>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardContent>
            <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("detail.runId")}</dt>
                <dd className="truncate font-mono text-xs" title={run.id}>
                  {run.id}
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("started")}</dt>
                <dd>
                  <DateTime value={run.startedAt} />
                </dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("detail.ended")}</dt>
                <dd>{run.endedAt ? <DateTime value={run.endedAt} /> : <span className="text-muted-foreground">{t("detail.stillRunning")}</span>}</dd>
              </div>
              <div className="grid gap-1">
                <dt className="text-muted-foreground">{t("duration")}</dt>
                <dd>
                  <RunDuration ms={run.durationMs} />
                </dd>
              </div>
              {run.parent && (
                <div className="grid gap-1">
                  <dt className="text-muted-foreground">{t("detail.invokedBy")}</dt>
                  <dd>
                    <Link href={`/${ctx.org.slug}/settings/runs/${run.parent.id}`} className="hover:underline">
                      {run.parent.functionId}
                    </Link>
                  </dd>
                </div>
              )}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("detail.steps")}</h2>
            </CardTitle>
            <CardDescription>{t("detail.stepsDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <RunSteps steps={run.steps} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("detail.result")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            {run.status === "completed" ? (
              <JsonBlock value={run.output} label={t("detail.output")} />
            ) : run.status === "running" ? (
              <p className="text-sm text-muted-foreground">{t("detail.resultRunning")}</p>
            ) : run.error ? (
              <JsonBlock value={run.error} label={t("detail.error")} className="border-destructive/40" />
            ) : (
              <p className="text-sm text-muted-foreground">{t("detail.resultCancelled")}</p>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("detail.event")}</h2>
            </CardTitle>
            <CardDescription>
              <code className="font-mono">{run.event.name}</code>
              {run.event.ts !== null && (
                <>
                  {" · "}
                  <DateTime value={new Date(run.event.ts)} />
                </>
              )}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <JsonBlock value={run.event} label={t("detail.event")} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
