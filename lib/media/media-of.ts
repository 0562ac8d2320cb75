import { isMediaKind } from "./check-media";

export type MediaRef = { kind: string; waMediaId: string; declaredMime: string | null; filename: string | null; animated: boolean };

/** The media object of a stored inbound message (`content.image`, `content.document`…), if it has one. */
export function mediaOf(message: { type: string; content: Record<string, unknown> }): MediaRef | null {
  if (!isMediaKind(message.type)) return null;
  const m = message.content[message.type] as { id?: unknown; mime_type?: unknown; filename?: unknown; animated?: unknown } | undefined;
  if (!m || typeof m.id !== "string" || !m.id) return null;
  return {
    kind: message.type,
    waMediaId: m.id,
    declaredMime: typeof m.mime_type === "string" ? m.mime_type : null,
    filename: typeof m.filename === "string" ? m.filename.slice(0, 255) : null,
    animated: m.animated === true,
  };
}
