"use client";

import * as React from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeftIcon, BanIcon, EllipsisVerticalIcon, PencilIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { inboxKeys, orgApi } from "./inbox-keys";
import { useContact } from "./inbox-queries";
import { RelativeTime } from "./relative-time";
import type { ContactDetail, TagView } from "./types";

/** The contact beside the conversation: name (editable), phone, opt-in, tags, block, earlier conversations. */
export function ContactPanel({
  slug,
  contactId,
  canEdit,
  tags,
  currentConversationId,
  onOpenConversation,
  open,
  onClose,
}: {
  slug: string;
  contactId: string;
  canEdit: boolean;
  tags: TagView[];
  currentConversationId: string;
  onOpenConversation: (id: string) => void;
  /** Shown as its own screen below `xl` (always beside the conversation from `xl`). */
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("inbox.contact");
  const qc = useQueryClient();
  const errorMessage = useErrorMessage();
  const { data } = useContact(slug, contactId);
  const [editing, setEditing] = React.useState(false);
  const [name, setName] = React.useState("");
  const [tagToAdd, setTagToAdd] = React.useState("");
  const [confirmBlock, setConfirmBlock] = React.useState(false);

  const update = useMutation({
    mutationFn: (req: { path: string; method: "PATCH" | "POST" | "DELETE"; body?: unknown }) =>
      apiFetch<{ contact: ContactDetail }>(`${orgApi(slug)}/contacts/${contactId}${req.path}`, { method: req.method, body: req.body }),
    onSuccess: (res) => {
      qc.setQueryData(inboxKeys.contact(slug, contactId), (old: { contact: ContactDetail } | undefined) => (old ? { ...old, contact: res.contact } : old));
      setEditing(false);
      setConfirmBlock(false);
    },
  });

  const placement = `${open ? "block w-full" : "hidden w-72"} shrink-0 border-l p-4 text-sm xl:block xl:w-72`;
  const backButton = (
    <Button type="button" variant="ghost" size="sm" className="mb-2 -ml-2 xl:hidden" onClick={onClose}>
      <ArrowLeftIcon aria-hidden="true" />
      {t("backToConversation")}
    </Button>
  );
  if (!data) {
    return (
      <aside className={`${placement} text-muted-foreground`}>
        {backButton}
        {t("loading")}
      </aside>
    );
  }
  const c = data.contact;
  const previous = data.conversations.filter((x) => x.id !== currentConversationId);
  const available = tags.filter((tag) => !c.tags.some((x) => x.id === tag.id));

  return (
    <aside data-testid="contact-panel" aria-label={t("label")} className={`${placement} overflow-y-auto`}>
      {backButton}
      <section className="grid gap-1">
        {editing ? (
          <form
            className="flex gap-1"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate({ path: "", method: "PATCH", body: { name: name.trim() || null } });
            }}
          >
            <Input aria-label={t("name")} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} className="h-8" autoFocus />
            <Button type="submit" size="sm" disabled={update.isPending}>
              {t("save")}
            </Button>
          </form>
        ) : (
          <div className="flex items-center gap-1">
            <h3 className="min-w-0 truncate text-base font-semibold" data-testid="contact-name">
              {c.name ?? c.profileName ?? c.phoneE164 ?? t("unknown")}
            </h3>
            {canEdit && (
              <Button
                type="button"
                size="icon"
                variant="ghost"
                className="size-7"
                aria-label={t("editName")}
                onClick={() => {
                  setName(c.name ?? c.profileName ?? "");
                  setEditing(true);
                }}
              >
                <PencilIcon aria-hidden="true" />
              </Button>
            )}
            {canEdit && (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button type="button" size="icon" variant="ghost" className="ml-auto size-7" aria-label={t("actions")} disabled={update.isPending}>
                    <EllipsisVerticalIcon aria-hidden="true" />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent align="end">
                  {c.blocked ? (
                    <DropdownMenuItem onSelect={() => update.mutate({ path: "", method: "PATCH", body: { blocked: false } })}>{t("unblock")}</DropdownMenuItem>
                  ) : (
                    <DropdownMenuItem variant="destructive" onSelect={() => setConfirmBlock(true)}>
                      <BanIcon aria-hidden="true" />
                      {t("block")}
                    </DropdownMenuItem>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            )}
          </div>
        )}
        {c.profileName && c.name && <p className="text-xs text-muted-foreground">{t("profileName", { name: c.profileName })}</p>}
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-muted-foreground">{t("phone")}</dt>
          <dd>{c.phoneE164 ?? "—"}</dd>
          <dt className="text-muted-foreground">{t("optIn")}</dt>
          <dd data-testid="contact-opt-in">{t(`optIns.${c.optIn}`)}</dd>
          <dt className="text-muted-foreground">{t("lastInbound")}</dt>
          <dd>{c.lastInboundAt ? <RelativeTime value={c.lastInboundAt} /> : "—"}</dd>
          {Object.entries(c.attributes ?? {}).map(([k, v]) => (
            <React.Fragment key={k}>
              <dt className="truncate text-muted-foreground">{k}</dt>
              <dd className="break-words">{typeof v === "string" || typeof v === "number" ? String(v) : JSON.stringify(v)}</dd>
            </React.Fragment>
          ))}
        </dl>
      </section>

      <section className="mt-4 grid gap-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("tags")}</h4>
        <div className="flex flex-wrap gap-1">
          {c.tags.length === 0 && <span className="text-xs text-muted-foreground">{t("noTags")}</span>}
          {c.tags.map((tag) => (
            <span key={tag.id} className="flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs">
              {tag.name}
              {canEdit && (
                <button type="button" aria-label={t("removeTag", { tag: tag.name })} onClick={() => update.mutate({ path: `/tags/${tag.id}`, method: "DELETE" })}>
                  <XIcon aria-hidden="true" className="size-3" />
                </button>
              )}
            </span>
          ))}
        </div>
        {canEdit && available.length > 0 && (
          <select
            aria-label={t("addTag")}
            value={tagToAdd}
            onChange={(e) => {
              setTagToAdd("");
              if (e.target.value) update.mutate({ path: "/tags", method: "POST", body: { tagId: e.target.value } });
            }}
            className="h-8 rounded-md border bg-background px-1.5 text-xs"
          >
            <option value="">{t("addTag")}</option>
            {available.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        )}
      </section>

      <section className="mt-4 grid gap-2">
        {c.blocked && (
          <p className="flex items-center gap-1 text-xs font-medium text-destructive" data-testid="contact-blocked">
            <BanIcon aria-hidden="true" className="size-3.5" />
            {t("blocked")}
          </p>
        )}
        {canEdit && (
          // Blocking silences a customer: it sits in a menu and asks first, never one stray tap away.
          <Dialog open={confirmBlock} onOpenChange={setConfirmBlock}>
            <DialogContent closeLabel={t("cancel")}>
              <DialogHeader>
                <DialogTitle>{t("blockTitle", { name: c.name ?? c.profileName ?? c.phoneE164 ?? t("unknown") })}</DialogTitle>
                <DialogDescription>{t("blockDescription")}</DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <Button type="button" variant="outline" onClick={() => setConfirmBlock(false)}>
                  {t("cancel")}
                </Button>
                <Button type="button" variant="destructive" disabled={update.isPending} onClick={() => update.mutate({ path: "", method: "PATCH", body: { blocked: true } })}>
                  {t("confirmBlock")}
                </Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        )}
        {update.error && (
          <p role="alert" className="text-xs text-destructive">
            {errorMessage(update.error)}
          </p>
        )}
      </section>

      <section className="mt-4 grid gap-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{t("previous")}</h4>
        {previous.length === 0 && <p className="text-xs text-muted-foreground">{t("noPrevious")}</p>}
        <ul className="grid gap-1">
          {previous.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => onOpenConversation(p.id)} className="w-full rounded border px-2 py-1 text-left text-xs hover:bg-muted">
                <span className="flex justify-between gap-2">
                  <span className="font-medium">{t(`statuses.${p.status}`)}</span>
                  {p.lastMessageAt && <RelativeTime value={p.lastMessageAt} />}
                </span>
                <span className="block truncate text-muted-foreground">{p.lastMessagePreview ?? ""}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
