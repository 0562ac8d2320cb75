"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { LayoutTemplateIcon } from "lucide-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { DialogFormFooter } from "@/components/forms/dialog-form-footer";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { buildGalleryFlow, flowGallery, needsConnection } from "@/lib/flows/gallery/flow-gallery";
import type { GalleryEntryId } from "@/lib/flows/gallery/gallery-entry";
import type { FlowView } from "@/lib/flows/store/flow-view";
import type { ConnectionView } from "@/lib/integrations/connection-view";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Flows → From the gallery: pick a ready-made flow (lib/flows/gallery), choose the connection its HTTP nodes use
 * (none yet: a placeholder the validator flags), and it is created as a normal draft and opened in the editor.
 */
export function GalleryFlowButton({ orgSlug }: { orgSlug: string }) {
  const t = useTranslations("flows.gallery");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [open, setOpen] = React.useState(false);
  const [picked, setPicked] = React.useState<GalleryEntryId>(flowGallery[0].id);
  const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}`;
  const connections = useQuery({
    queryKey: ["integrations", orgSlug],
    queryFn: () => apiFetch<{ connections: ConnectionView[] }>(`${base}/integrations`).then((r) => r.connections),
    enabled: open,
  });
  const [connection, setConnection] = React.useState("");
  const names = connections.data?.map((c) => c.name) ?? [];
  const chosen = connection || names[0] || "";
  const mutation = useMutation({
    mutationFn: async () => {
      const flow = buildGalleryFlow(picked, locale, needsConnection(picked) ? chosen : undefined);
      return apiFetch<{ flow: FlowView }>(`${base}/flows/import`, { method: "POST", body: { name: flow.name, description: flow.description, graph: flow.graph } });
    },
    onSuccess: ({ flow }) => router.push(`/${orgSlug}/flows/${flow.id}`),
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant="outline">
          <LayoutTemplateIcon aria-hidden="true" />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")} className="max-h-[90dvh] overflow-y-auto">
        <form
          className="grid min-w-0 gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            mutation.mutate();
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <fieldset className="grid min-w-0 gap-2" data-testid="flow-gallery">
            <legend className="sr-only">{t("title")}</legend>
            {flowGallery.map((entry) => {
              const flow = buildGalleryFlow(entry.id, locale);
              return (
                <label key={entry.id} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent">
                  <input type="radio" name="entry" value={entry.id} checked={picked === entry.id} onChange={() => setPicked(entry.id)} className="mt-1" />
                  <span className="grid min-w-0 gap-1">
                    <span className="font-medium break-words">{flow.name}</span>
                    <span className="text-sm break-words text-muted-foreground">{flow.description}</span>
                  </span>
                </label>
              );
            })}
          </fieldset>
          {needsConnection(picked) && (
            <div className="grid min-w-0 gap-2">
              <Label htmlFor="gallery-connection">{t("connection")}</Label>
              {names.length > 0 ? (
                <NativeSelect id="gallery-connection" value={chosen} onChange={(e) => setConnection(e.currentTarget.value)}>
                  {names.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </NativeSelect>
              ) : (
                <p className="text-sm text-muted-foreground" id="gallery-connection" role="note">
                  {connections.isLoading ? tc("loading") : t("noConnection")}
                </p>
              )}
            </div>
          )}
          <FormError error={mutation.error} fields={[]} />
          <DialogFormFooter pending={mutation.isPending} submitLabel={t("create")} pendingLabel={tc("saving")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
