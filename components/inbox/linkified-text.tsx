import * as React from "react";

// http(s) URLs and bare www. hosts; trailing punctuation is left out of the link, as chat apps do.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/** Splits a message into plain text and links. Pure, so the renderer never has to touch HTML. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const trailing = raw.match(TRAILING)?.[0] ?? "";
    const url = raw.slice(0, raw.length - trailing.length);
    if (!url) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: url, href: url.toLowerCase().startsWith("www.") ? `https://${url}` : url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/**
 * A customer's text as React text nodes with http(s) links made clickable. Never HTML: whatever the customer typed
 * (`<img onerror=…>`, `javascript:` URLs) is rendered as characters, and only http(s) hrefs are ever produced.
 */
export function LinkifiedText({ text, className }: { text: string; className?: string }) {
  const parts = React.useMemo(() => splitLinks(text), [text]);
  return (
    <p className={className ?? "whitespace-pre-wrap break-words"}>
      {parts.map((part, i) =>
        part.kind === "link" ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2 break-all">
            {part.text}
          </a>
        ) : (
          <React.Fragment key={i}>{part.text}</React.Fragment>
        ),
      )}
    </p>
  );
}
