"use client";

import { BanIcon, FileIcon, LoaderIcon } from "lucide-react";
import { useTranslations } from "next-intl";

type Media = { attachmentId?: unknown; status?: unknown; reason?: unknown; blockedReason?: unknown };

/**
 * An inbound attachment, served by the attachments endpoint (same origin, session cookie). Until the download ran
 * it says so; a blocked or failed attachment shows why instead of the bytes (lib/media/check-media.ts).
 */
export function MessageAttachment({ orgSlug, kind, media, caption, filename }: { orgSlug: string; kind: string; media: Media | undefined; caption?: string; filename?: string }) {
  const t = useTranslations("inbox.media");
  const status = typeof media?.status === "string" ? media.status : "pending";
  const id = typeof media?.attachmentId === "string" ? media.attachmentId : null;
  if (status === "blocked" || status === "failed" || !id) {
    if (status === "pending" || (!id && status !== "blocked" && status !== "failed")) {
      return (
        <p className="flex items-center gap-1.5 text-xs italic text-muted-foreground" data-testid="attachment-pending">
          <LoaderIcon aria-hidden="true" className="size-3.5 animate-spin" />
          {t("pending", { kind: t(`kind.${kindKey(kind)}`) })}
        </p>
      );
    }
    return (
      <p className="flex items-start gap-1.5 rounded border border-destructive/30 bg-destructive/5 p-2 text-xs" data-testid="attachment-blocked">
        <BanIcon aria-hidden="true" className="mt-0.5 size-3.5 shrink-0 text-destructive" />
        <span>
          <strong>{status === "blocked" ? t("blocked", { kind: t(`kind.${kindKey(kind)}`) }) : t("failed", { kind: t(`kind.${kindKey(kind)}`) })}</strong>
          {reasonOf(media) && <span className="block text-muted-foreground">{reasonOf(media)}</span>}
        </span>
      </p>
    );
  }
  const src = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/attachments/${encodeURIComponent(id)}`;
  return <AttachmentByUrl kind={kind} src={src} caption={caption} filename={filename} />;
}

export function AttachmentByUrl({ kind, src, caption, filename }: { kind: string; src: string; caption?: string; filename?: string }) {
  const t = useTranslations("inbox.media");
  let media: React.ReactNode;
  if (kind === "image" || kind === "sticker") {
    // eslint-disable-next-line @next/next/no-img-element -- private, cookie-authenticated bytes: next/image cannot optimise them
    media = <img src={src} alt={caption || t(`kind.${kindKey(kind)}`)} loading="lazy" className={kind === "sticker" ? "size-32 object-contain" : "max-h-72 max-w-full rounded"} />;
  } else if (kind === "video") {
    media = <video src={src} controls preload="metadata" className="max-h-72 max-w-full rounded" />;
  } else if (kind === "audio") {
    media = <audio src={src} controls preload="metadata" className="max-w-full" />;
  } else {
    media = (
      <a href={src} target="_blank" rel="noopener noreferrer" download={filename || undefined} className="flex items-center gap-2 rounded border bg-background/60 p-2 text-sm underline-offset-2 hover:underline">
        <FileIcon aria-hidden="true" className="size-4 shrink-0" />
        <span className="truncate">{filename || t("kind.document")}</span>
      </a>
    );
  }
  return (
    <div className="grid gap-1">
      {media}
      {caption && <p className="whitespace-pre-wrap break-words">{caption}</p>}
    </div>
  );
}

function kindKey(kind: string): "image" | "video" | "audio" | "document" | "sticker" {
  return kind === "image" || kind === "video" || kind === "audio" || kind === "sticker" ? kind : "document";
}

function reasonOf(media: Media | undefined): string | null {
  const r = media?.reason ?? media?.blockedReason;
  return typeof r === "string" && r ? r : null;
}
