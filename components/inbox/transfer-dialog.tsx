"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { AgentView, DepartmentView } from "./types";

/** Transfer = assign with a note for the next person (the timeline shows it as "transferred"). */
export function TransferDialog({
  open,
  onOpenChange,
  agents,
  departments,
  pending,
  onTransfer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  agents: AgentView[];
  departments: DepartmentView[];
  pending: boolean;
  onTransfer: (input: { assigneeId: string | null; departmentId?: string | null; note: string }) => void;
}) {
  const t = useTranslations("inbox.transfer");
  const [target, setTarget] = React.useState("");
  const [note, setNote] = React.useState("");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!target || !note.trim()) return;
            const [kind, id] = target.split(":");
            onTransfer(kind === "agent" ? { assigneeId: id, note: note.trim() } : { assigneeId: null, departmentId: id, note: note.trim() });
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="transfer-target">{t("to")}</Label>
            <select id="transfer-target" value={target} onChange={(e) => setTarget(e.target.value)} className="h-9 rounded-md border bg-background px-2 text-sm" required>
              <option value="">{t("choose")}</option>
              <optgroup label={t("agents")}>
                {agents.map((a) => (
                  <option key={a.userId} value={`agent:${a.userId}`}>
                    {a.name} ({t(`presence.${a.status}`)})
                  </option>
                ))}
              </optgroup>
              {departments.length > 0 && (
                <optgroup label={t("departments")}>
                  {departments.map((d) => (
                    <option key={d.id} value={`department:${d.id}`}>
                      {d.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="transfer-note">{t("note")}</Label>
            <Textarea id="transfer-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} required />
          </div>
          <DialogFormFooter pending={pending} submitLabel={t("submit")} pendingLabel={t("submitting")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
