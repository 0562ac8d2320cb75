"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

import { ApiError, type ApiIssue } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { MessageItem } from "./types";
import type { OutgoingMessage } from "./use-send-message";

const KINDS = ["image", "video", "audio", "document"] as const;
type Kind = (typeof KINDS)[number];

/**
 * Attaches a file: picked from this device (uploaded through the inbox API, which checks the bytes and uploads
 * them to WhatsApp) or by its public https link (Meta fetches it). An uploaded file travels as `file` in the
 * outgoing message; useSendMessage posts it with postAttachment below.
 */
export function AttachForm({ onAttach, onCancel }: { onAttach: (m: OutgoingMessage) => void; onCancel: () => void }) {
  const t = useTranslations("inbox.attach");
  const [source, setSource] = React.useState<"device" | "link">("device");
  const [kind, setKind] = React.useState<Kind>("image");
  const [link, setLink] = React.useState("");
  const [file, setFile] = React.useState<File | null>(null);
  const [caption, setCaption] = React.useState("");
  const [filename, setFilename] = React.useState("");
  // The server decides the kind from the bytes; this guess only shapes the pending bubble and the caption field.
  const effectiveKind: Kind = source === "device" ? (file ? guessKind(file.type) : "image") : kind;
  const valid = source === "device" ? file !== null : /^https?:\/\/\S+$/i.test(link.trim());
  const captionValue = caption.trim() && effectiveKind !== "audio" ? { caption: caption.trim() } : {};
  return (
    <div data-testid="attach-form" className="mb-2 grid gap-2 rounded-md border p-2">
      <div role="radiogroup" aria-label={t("source")} className="flex gap-3 text-xs">
        {(["device", "link"] as const).map((s) => (
          <label key={s} className="flex items-center gap-1">
            <input type="radio" name="attach-source" value={s} checked={source === s} onChange={() => setSource(s)} />
            {t(s === "device" ? "fromDevice" : "fromLink")}
          </label>
        ))}
      </div>
      {source === "device" ? (
        <input
          type="file"
          aria-label={t("file")}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="text-sm file:mr-2 file:rounded-md file:border file:bg-background file:px-2 file:py-1 file:text-sm"
        />
      ) : (
        <div className="flex gap-2">
          <select aria-label={t("kind")} value={kind} onChange={(e) => setKind(e.target.value as Kind)} className="h-8 rounded-md border bg-background px-1 text-sm">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(k)}
              </option>
            ))}
          </select>
          <Input aria-label={t("link")} placeholder={t("linkPlaceholder")} type="url" value={link} onChange={(e) => setLink(e.target.value)} className="h-8 text-sm" />
        </div>
      )}
      {effectiveKind !== "audio" && <Input aria-label={t("caption")} placeholder={t("caption")} value={caption} onChange={(e) => setCaption(e.target.value)} className="h-8 text-sm" />}
      {source === "link" && kind === "document" && (
        <Input aria-label={t("filename")} placeholder={t("filename")} value={filename} onChange={(e) => setFilename(e.target.value)} className="h-8 text-sm" />
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button
          type="button"
          size="sm"
          disabled={!valid}
          onClick={() =>
            onAttach(
              source === "device" && file
                ? { type: effectiveKind, file, ...(effectiveKind === "document" && { filename: file.name }), ...captionValue }
                : {
                    type: kind,
                    media: { link: link.trim() },
                    ...captionValue,
                    ...(filename.trim() && kind === "document" ? { filename: filename.trim() } : {}),
                  },
            )
          }
        >
          {t("send")}
        </Button>
      </div>
    </div>
  );
}

function guessKind(mime: string): Kind {
  if (mime === "image/jpeg" || mime === "image/png") return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  return "document";
}

/** Posts an uploaded file (multipart) to the attachments route; throws an ApiError like apiFetch does. */
export async function postAttachment(
  url: string,
  message: OutgoingMessage & { file: File },
  replyTo: string | undefined,
  idempotencyKey: string,
): Promise<{ message: MessageItem }> {
  const form = new FormData();
  form.set("file", message.file, message.file.name);
  if (typeof message.caption === "string") form.set("caption", message.caption);
  if (replyTo) form.set("replyTo", replyTo);
  form.set("idempotencyKey", idempotencyKey);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", credentials: "same-origin", headers: { accept: "application/json" }, body: form });
  } catch {
    throw new ApiError(0, "network_error", "Network error");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? "internal_error", error?.message ?? response.statusText, error?.issues ?? []);
  }
  return payload as { message: MessageItem };
}
