"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { FormError } from "@/components/forms/form-error";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";

type ConfirmDialogProps = {
  /** Visible text of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonProps["variant"];
  triggerSize?: ButtonProps["size"];
  triggerIcon?: React.ReactNode;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  /** Runs the action; close the dialog by resolving `onConfirm` and letting `open` follow via `onOpenChange`. */
  onConfirm: () => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** A destructive action behind a confirmation dialog (remove, revoke, delete). */
export function ConfirmDialog({
  triggerLabel,
  triggerVariant = "outline",
  triggerSize = "sm",
  triggerIcon,
  title,
  description,
  confirmLabel,
  pending,
  error,
  onConfirm,
  open,
  onOpenChange,
}: ConfirmDialogProps) {
  const t = useTranslations("common");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button type="button" variant={triggerVariant} size={triggerSize}>
          {triggerIcon}
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <FormError error={error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={pending}>
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button type="button" variant="destructive" onClick={onConfirm} disabled={pending}>
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
