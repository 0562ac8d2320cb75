"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { ConfirmAction } from "@/components/shared/confirm-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TableCell, TableRow } from "@/components/ui/table";
import type { FlowGlobalView } from "@/lib/flows/settings/list-flow-globals";

type Props = { orgSlug: string; global: FlowGlobalView; canManage: boolean };

/** One global: its reference, its value (edited in place by managers) and delete. */
export function FlowGlobalRow({ orgSlug, global, canManage }: Props) {
  const t = useTranslations("flowSettings");
  const router = useRouter();
  const messageFor = useErrorMessage();
  const [value, setValue] = React.useState(global.value);
  const path = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/flow-globals/${encodeURIComponent(global.name)}`;
  const mutation = useMutation({
    mutationFn: (next: string) => apiFetch(path, { method: "PATCH", body: { value: next } }),
    onSuccess: () => router.refresh(),
  });
  const inputId = `global-${global.name}`;

  return (
    <TableRow data-testid="flow-global-row" data-name={global.name}>
      <TableCell className="align-top font-mono text-xs">
        <label htmlFor={inputId}>{`{{globals.${global.name}}}`}</label>
      </TableCell>
      <TableCell className="align-top">
        {canManage ? (
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              mutation.mutate(value);
            }}
          >
            <Input id={inputId} value={value} onChange={(e) => setValue(e.target.value)} maxLength={2000} aria-label={t("valueFor", { name: global.name })} />
            <Button type="submit" size="sm" variant="outline" disabled={mutation.isPending || value === global.value}>
              {t("saveValue")}
            </Button>
          </form>
        ) : (
          <span id={inputId} className="break-all">
            {global.value}
          </span>
        )}
        {mutation.error ? <p className="mt-1 text-xs text-destructive">{messageFor(mutation.error)}</p> : null}
      </TableCell>
      {canManage && (
        <TableCell className="text-right align-top">
          <ConfirmAction
            path={path}
            triggerLabel={t("delete")}
            title={t("deleteTitle", { name: global.name })}
            description={t("deleteDescription")}
            confirmLabel={t("delete")}
          />
        </TableCell>
      )}
    </TableRow>
  );
}
