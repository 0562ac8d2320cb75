"use client";

import * as React from "react";
import { ArrowLeftIcon, BotIcon, CheckIcon, ClockIcon, ContactRoundIcon, EllipsisIcon, RotateCcwIcon, TagIcon, UserCheckIcon, UserRoundIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Avatar } from "./conversation-row";
import { TransferDialog } from "./transfer-dialog";
import { useConversationActions } from "./use-conversation-actions";
import type { AgentView, ConversationCan, ConversationItem, DepartmentView, Priority, TagView } from "./types";

/** Who the conversation is with and what can be done to it; actions the caller may not take are not offered. */
export function ConversationHeader({
  slug,
  me,
  conversation: c,
  can,
  agents,
  departments,
  tags,
  typing,
  onBack,
  onOpenContact,
}: {
  slug: string;
  me: string;
  conversation: ConversationItem;
  can: ConversationCan;
  agents: AgentView[];
  departments: DepartmentView[];
  tags: TagView[];
  typing: string[];
  /** Back to the list, where list and conversation are stacked screens (below `md`). */
  onBack: () => void;
  /** Opens the contact as its own screen, where it does not fit beside the conversation (below `xl`). */
  onOpenContact: () => void;
}) {
  const t = useTranslations("inbox.header");
  const errorMessage = useErrorMessage();
  const { act } = useConversationActions(slug, c.id, me);
  const [transferOpen, setTransferOpen] = React.useState(false);
  const busy = act.isPending;
  const error = errorMessage(act.error);

  // One row: who (with status, bot and tags under the name) and the actions beside it, icon-only where the label
  // would not fit (each keeps its name for screen readers and as a tooltip); the rarer ones sit in a menu.
  return (
    <header className="border-b px-2 py-2 md:px-4">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <Button type="button" size="icon" variant="ghost" className="md:hidden" aria-label={t("back")} title={t("back")} onClick={onBack}>
          <ArrowLeftIcon aria-hidden="true" />
        </Button>
        <Avatar name={c.displayName} />
        <div className="min-w-0 flex-1 basis-24">
          <h2 className="truncate text-sm font-semibold" data-testid="conversation-title">
            {c.displayName}
          </h2>
          <p className="truncate text-xs text-muted-foreground">
            {c.contact.phoneE164 ?? ""} · {c.channelName} · <span data-testid="conversation-assignee">{c.assigneeName ?? c.departmentName ?? t("unassigned")}</span>
            {c.assigneeName && c.departmentName ? ` (${c.departmentName})` : ""}
            {typing.length > 0 && <span className="ml-2 italic">{t("typing", { names: typing.join(", ") })}</span>}
          </p>
          <div className="mt-0.5 flex min-w-0 flex-wrap items-center gap-1 text-[11px] leading-4">
            <span data-testid="conversation-status" className="rounded bg-muted px-1.5">
              {t(`statuses.${c.status}`)}
            </span>
            {c.owner === "bot" && (
              <span className="flex items-center gap-1 rounded bg-muted px-1.5">
                <BotIcon aria-hidden="true" className="size-3" />
                {t("botActive")}
              </span>
            )}
            {c.tags.map((tag) => (
              <span key={tag.id} className="rounded border px-1.5">
                {tag.name}
              </span>
            ))}
          </div>
        </div>
        <div data-testid="conversation-actions" className="ml-auto flex flex-wrap items-center gap-0.5">
          {can.assign && (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button size="sm" variant="outline" disabled={busy} aria-label={t("assign")} title={t("assign")}>
                  <UserCheckIcon aria-hidden="true" />
                  <span className="hidden 2xl:inline">{t("assign")}</span>
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end" className="max-h-80 overflow-y-auto">
                <DropdownMenuLabel>{t("agents")}</DropdownMenuLabel>
                {agents.map((a) => (
                  <DropdownMenuItem key={a.userId} onSelect={() => act.mutate({ kind: "assign", assigneeId: a.userId })}>
                    <span aria-hidden="true" className={a.status === "online" ? "size-2 rounded-full bg-success" : a.status === "away" ? "size-2 rounded-full bg-warning" : "size-2 rounded-full bg-muted-foreground"} />
                    {a.userId === me ? t("me", { name: a.name }) : a.name}
                    {c.assigneeId === a.userId && <CheckIcon aria-hidden="true" className="ml-auto" />}
                  </DropdownMenuItem>
                ))}
                {departments.length > 0 && <DropdownMenuSeparator />}
                {departments.length > 0 && <DropdownMenuLabel>{t("departments")}</DropdownMenuLabel>}
                {departments.map((d) => (
                  <DropdownMenuItem key={d.id} onSelect={() => act.mutate({ kind: "assign", departmentId: d.id, assigneeId: null })}>
                    {d.name}
                    {d.autoAssign && <span className="text-[10px] text-muted-foreground">{t("autoAssign")}</span>}
                  </DropdownMenuItem>
                ))}
                <DropdownMenuSeparator />
                <DropdownMenuItem onSelect={() => setTransferOpen(true)}>{t("transfer")}</DropdownMenuItem>
                {(c.assigneeId || c.departmentId) && (
                  <DropdownMenuItem onSelect={() => act.mutate({ kind: "assign", assigneeId: null, departmentId: null })}>{t("unassign")}</DropdownMenuItem>
                )}
              </DropdownMenuContent>
            </DropdownMenu>
          )}

          {can.manage && (
            <>
              <select
                aria-label={t("priority")}
                title={t("priority")}
                value={c.priority}
                disabled={busy}
                onChange={(e) => act.mutate({ kind: "priority", priority: e.target.value as Priority })}
                className="h-8 max-w-32 rounded-md border bg-background px-1 text-xs"
              >
                {(["low", "normal", "high", "urgent"] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`priorities.${p}`)}
                  </option>
                ))}
              </select>
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button size="sm" variant="outline" disabled={busy} aria-label={t("tags")} title={t("tags")}>
                    <TagIcon aria-hidden="true" />
                    {c.tags.length > 0 ? c.tags.length : null}
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end" className="max-h-80 overflow-y-auto">
                  <DropdownMenuLabel>{t("tags")}</DropdownMenuLabel>
                  {tags.length === 0 && <p className="px-2 py-1 text-xs text-muted-foreground">{t("noTags")}</p>}
                  {tags.map((tag) => {
                    const on = c.tags.some((x) => x.id === tag.id);
                    return (
                      <DropdownMenuCheckboxItem key={tag.id} checked={on} onSelect={(e) => e.preventDefault()} onCheckedChange={() => act.mutate({ kind: "tag", tagId: tag.id, add: !on })}>
                        {tag.name}
                      </DropdownMenuCheckboxItem>
                    );
                  })}
                </DropdownMenuContent>
              </DropdownMenu>
              {c.owner === "bot" ? (
                <Button size="sm" variant="outline" disabled={busy} aria-label={t("takeOver")} title={t("takeOver")} onClick={() => act.mutate({ kind: "owner", owner: "human" })}>
                  <UserRoundIcon aria-hidden="true" />
                </Button>
              ) : (
                <Button size="sm" variant="ghost" disabled={busy} aria-label={t("handBack")} title={t("handBack")} onClick={() => act.mutate({ kind: "owner", owner: "bot" })}>
                  <BotIcon aria-hidden="true" />
                </Button>
              )}
              {c.status === "closed" ? (
                <Button size="sm" variant="outline" disabled={busy} onClick={() => act.mutate({ kind: "status", status: "open" })}>
                  <RotateCcwIcon aria-hidden="true" />
                  {t("reopen")}
                </Button>
              ) : (
                <Button size="sm" disabled={busy} aria-label={t("close")} title={t("close")} onClick={() => act.mutate({ kind: "status", status: "closed" })}>
                  <CheckIcon aria-hidden="true" />
                  <span className="hidden 2xl:inline">{t("close")}</span>
                </Button>
              )}
              {c.status === "open" && (
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button size="sm" variant="ghost" disabled={busy} aria-label={t("more")} title={t("more")}>
                      <EllipsisIcon aria-hidden="true" />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => act.mutate({ kind: "status", status: "pending" })}>
                      <ClockIcon aria-hidden="true" />
                      {t("pending")}
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              )}
            </>
          )}
          <Button type="button" size="sm" variant="ghost" className="xl:hidden" aria-label={t("contact")} title={t("contact")} onClick={onOpenContact}>
            <ContactRoundIcon aria-hidden="true" />
          </Button>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-destructive">
          {error}
        </p>
      )}
      {can.assign && (
        <TransferDialog
          open={transferOpen}
          onOpenChange={setTransferOpen}
          agents={agents}
          departments={departments}
          pending={busy}
          onTransfer={(input) => act.mutate({ kind: "assign", ...input }, { onSuccess: () => setTransferOpen(false) })}
        />
      )}
    </header>
  );
}
