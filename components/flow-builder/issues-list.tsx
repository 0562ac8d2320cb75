"use client";

import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { GraphIssue } from "@/lib/flows/validate-graph";
import { useIssueMessage } from "./use-issue-message";

/** Every issue of the draft; a click on one selects (and centres) its node. */
export function IssuesList({ issues, nodeLabel, onSelect }: { issues: GraphIssue[]; nodeLabel: (nodeId: string) => string; onSelect: (nodeId: string) => void }) {
  const t = useTranslations("flowEditor");
  const issueMessage = useIssueMessage();
  const errors = issues.filter((i) => i.severity === "error").length;
  return (
    <section aria-labelledby="flow-issues-title" className="grid gap-2" data-testid="issues-list">
      <h2 id="flow-issues-title" className="font-semibold">
        {t("issues.title")}
      </h2>
      {issues.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-emerald-700 dark:text-emerald-400">
          <CheckCircle2Icon aria-hidden="true" className="size-4" />
          {t("issues.none")}
        </p>
      ) : (
        <>
          <p className="text-xs text-muted-foreground">{t("issues.summary", { errors, warnings: issues.length - errors })}</p>
          <ul className="grid gap-1">
            {issues.map((issue, i) => (
              <li key={i}>
                <button
                  type="button"
                  disabled={!issue.nodeId}
                  onClick={() => issue.nodeId && onSelect(issue.nodeId)}
                  className={cn(
                    "flex w-full gap-2 rounded-md px-2 py-1 text-left text-xs hover:bg-muted disabled:hover:bg-transparent",
                    issue.severity === "error" ? "text-destructive" : "text-amber-700 dark:text-amber-400",
                  )}
                >
                  <AlertTriangleIcon aria-hidden="true" className="mt-0.5 size-3 shrink-0" />
                  <span>
                    {issue.nodeId && <strong className="font-medium">{nodeLabel(issue.nodeId)}: </strong>}
                    {issueMessage(issue)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
