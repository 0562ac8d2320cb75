"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";

import { apiFetch } from "@/components/api/api-fetch";
import { ConfirmDialog } from "@/components/shared/confirm-dialog";

type ConfirmActionProps = Omit<
  React.ComponentProps<typeof ConfirmDialog>,
  "open" | "onOpenChange" | "pending" | "error" | "onConfirm"
> & {
  /** The API call the confirmation performs. */
  path: string;
  method?: "DELETE" | "POST";
  /** Where to go afterwards; the current page is refreshed when unset. */
  redirectTo?: string;
};

/** A confirmed API call (remove, revoke, delete, cancel): the dialog, the request, its error, and the refresh. */
export function ConfirmAction({ path, method = "DELETE", redirectTo, ...dialog }: ConfirmActionProps) {
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const mutation = useMutation({
    mutationFn: () => apiFetch(path, { method }),
    onSuccess: () => {
      if (redirectTo) router.push(redirectTo);
      else setOpen(false);
      router.refresh();
    },
  });

  return (
    <ConfirmDialog
      {...dialog}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
      // After a redirecting success the dialog stays disabled until the next page replaces it.
      pending={mutation.isPending || (mutation.isSuccess && Boolean(redirectTo))}
      error={mutation.error}
      onConfirm={() => mutation.mutate()}
    />
  );
}
