"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { UploadIcon } from "lucide-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";

/** Reads an exported .json file in the browser and posts it; the server validates the graph (422 → message here). */
export function ImportFlowButton({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("flows");
  const router = useRouter();
  const input = React.useRef<HTMLInputElement>(null);
  const errorMessage = useErrorMessage();
  const [parseError, setParseError] = React.useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: unknown) => apiFetch(`/api/v1/orgs/${encodeURIComponent(orgSlug)}/flows/import`, { method: "POST", body }),
    onSuccess: () => router.refresh(),
  });
  const message = parseError ?? errorMessage(mutation.error);

  async function onFile(file: File) {
    setParseError(null);
    mutation.reset();
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setParseError(t("importNotJson"));
      return;
    }
    mutation.mutate(body);
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        data-testid="import-flow-file"
        aria-label={t("import")}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void onFile(file);
        }}
      />
      <Button type="button" variant="outline" disabled={mutation.isPending} onClick={() => input.current?.click()}>
        <UploadIcon aria-hidden="true" />
        {t("import")}
      </Button>
      {message && (
        <p role="alert" className="max-w-xs text-xs text-destructive">
          {message}
        </p>
      )}
    </div>
  );
}
