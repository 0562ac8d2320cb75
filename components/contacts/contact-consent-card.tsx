"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { contactsApi, type Consent } from "./contact-types";

/** Marketing consent: the current state, a change with its evidence (agents), and the history with sources. */
export function ContactConsentCard({ orgSlug, contactId, consent, canEdit }: { orgSlug: string; contactId: string; consent: Consent; canEdit: boolean }) {
  const t = useTranslations("contactDetail");
  // Keys built from data (states, sources, event kinds, stage keys): checked with has() or known to exist.
  const dyn = t as unknown as { (key: string): string; has(key: string): boolean };
  const format = useFormatter();
  const router = useRouter();
  const messageFor = useErrorMessage();
  const [state, setState] = React.useState<Consent["optIn"]>(consent.optIn === "opted_in" ? "opted_out" : "opted_in");
  const [evidence, setEvidence] = React.useState("");
  const change = useMutation({
    mutationFn: () => apiFetch(contactsApi(orgSlug, `/${contactId}/consent`), { method: "POST", body: { state, evidence } }),
    onSuccess: () => {
      setEvidence("");
      router.refresh();
    },
  });
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>{t("consentTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="grid grid-cols-1 gap-4">
        <p className="text-sm">
          {t("marketing")}: <strong data-testid="consent-state">{t(`consent.${consent.optIn}`)}</strong>
        </p>
        {canEdit ? (
          <form
            className="grid min-w-0 grid-cols-1 gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              change.mutate();
            }}
          >
            <Label htmlFor="consent-state">{t("changeConsent")}</Label>
            <NativeSelect id="consent-state" value={state} onChange={(e) => setState(e.target.value as Consent["optIn"])}>
              {(["opted_in", "opted_out", "unknown"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`consent.${s}`)}
                </option>
              ))}
            </NativeSelect>
            <Label htmlFor="consent-evidence">{t("evidence")}</Label>
            <Textarea id="consent-evidence" value={evidence} onChange={(e) => setEvidence(e.target.value)} maxLength={1000} placeholder={t("evidenceHint")} />
            {change.error ? <p className="text-sm text-destructive">{messageFor(change.error)}</p> : null}
            <Button type="submit" variant="outline" disabled={change.isPending || evidence.trim().length < 3}>
              {t("recordConsent")}
            </Button>
          </form>
        ) : null}
        <div>
          <h3 className="mb-2 text-sm font-medium">{t("history")}</h3>
          {consent.history.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("noHistory")}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-2" data-testid="consent-history">
              {consent.history.map((h) => (
                <li key={h.id} className="min-w-0 rounded-md border p-2 text-sm break-words">
                  <div className="flex flex-wrap justify-between gap-x-2">
                    <span className="font-medium">{dyn(`consent.${h.state}`)}</span>
                    <span className="text-xs text-muted-foreground">{format.dateTime(new Date(h.at), { dateStyle: "medium", timeStyle: "short" })}</span>
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {dyn(`source.${h.source}`)}
                    {h.actorName ? ` · ${h.actorName}` : ""}
                    {typeof h.evidence.text === "string" ? ` · “${h.evidence.text}”` : typeof h.evidence.note === "string" ? ` · ${h.evidence.note}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
