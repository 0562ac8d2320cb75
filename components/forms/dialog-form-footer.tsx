"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";

/** Cancel + submit for a form inside a dialog; the submit label changes while the request runs. */
export function DialogFormFooter({ pending, submitLabel, pendingLabel }: { pending: boolean; submitLabel: string; pendingLabel: string }) {
  const t = useTranslations("common");
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button type="button" variant="outline">
          {t("cancel")}
        </Button>
      </DialogClose>
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </DialogFooter>
  );
}
