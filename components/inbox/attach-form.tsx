"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { OutgoingMessage } from "./use-send-message";

const KINDS = ["image", "video", "audio", "document"] as const;

/**
 * Sends a file by its public https link (Meta fetches it). The inbox API has no upload endpoint yet, so a link is
 * the one way to attach a file that works for every provider.
 */
export function AttachForm({ onAttach, onCancel }: { onAttach: (m: OutgoingMessage) => void; onCancel: () => void }) {
  const t = useTranslations("inbox.attach");
  const [kind, setKind] = React.useState<(typeof KINDS)[number]>("image");
  const [link, setLink] = React.useState("");
  const [caption, setCaption] = React.useState("");
  const [filename, setFilename] = React.useState("");
  const valid = /^https?:\/\/\S+$/i.test(link.trim());
  return (
    <div data-testid="attach-form" className="mb-2 grid gap-2 rounded-md border p-2">
      <div className="flex gap-2">
        <select aria-label={t("kind")} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])} className="h-8 rounded-md border bg-background px-1 text-sm">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(k)}
            </option>
          ))}
        </select>
        <Input aria-label={t("link")} placeholder={t("linkPlaceholder")} type="url" value={link} onChange={(e) => setLink(e.target.value)} className="h-8 text-sm" />
      </div>
      {kind !== "audio" && <Input aria-label={t("caption")} placeholder={t("caption")} value={caption} onChange={(e) => setCaption(e.target.value)} className="h-8 text-sm" />}
      {kind === "document" && <Input aria-label={t("filename")} placeholder={t("filename")} value={filename} onChange={(e) => setFilename(e.target.value)} className="h-8 text-sm" />}
      <div className="flex justify-end gap-2">
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button
          type="button"
          size="sm"
          disabled={!valid}
          onClick={() =>
            onAttach({
              type: kind,
              media: { link: link.trim() },
              ...(caption.trim() && kind !== "audio" ? { caption: caption.trim() } : {}),
              ...(filename.trim() && kind === "document" ? { filename: filename.trim() } : {}),
            })
          }
        >
          {t("send")}
        </Button>
      </div>
    </div>
  );
}
