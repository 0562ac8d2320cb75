import type { Locale } from "@/lib/i18n/locales";

/**
 * A ready-made flow of the gallery (Flows → New → From the gallery): data, not code paths. `build` returns a normal
 * graph made only of existing node types, with its texts in the user's language and every HTTP node naming the
 * organization's connection (Settings → Integrations). What the connection must answer is in ./README.md.
 */
export type GalleryEntry = {
  id: GalleryEntryId;
  build: (locale: Locale, connection: string) => GalleryFlow;
};

export const galleryEntryIds = ["identify-customer", "second-copy-of-bill", "appointment-reschedule", "opt-out-confirmation"] as const;
export type GalleryEntryId = (typeof galleryEntryIds)[number];

export type GalleryNode = { id: string; type: string; position: { x: number; y: number }; data: Record<string, unknown> };
export type GalleryEdge = { id: string; source: string; target: string; sourceHandle: string };
export type GalleryGraph = { nodes: GalleryNode[]; edges: GalleryEdge[] };
export type GalleryFlow = { name: string; description: string; graph: GalleryGraph };

/**
 * Stands for "no connection chosen yet". It can never be a real connection's name (those are letters, digits, _ and
 * -), so the flow validator flags every HTTP node that still carries it until one is chosen.
 */
export const PLACEHOLDER_CONNECTION = "<choose a connection>";

/** A node placed on a grid (column, row) so the editor opens on a readable layout. */
export const node = (id: string, type: string, col: number, row: number, data: Record<string, unknown> = {}): GalleryNode => ({
  id,
  type,
  position: { x: col * 320, y: row * 200 },
  data,
});

export const edge = (source: string, target: string, sourceHandle = "next"): GalleryEdge => ({ id: `${source}-${sourceHandle}-${target}`, source, target, sourceHandle });

/** Response fields into flow variables (an HTTP node's responseMappings). */
export const mappings = (pairs: Record<string, string>) => Object.entries(pairs).map(([variable, path]) => ({ id: variable, path, variable }));

/** An HTTP request through the organization's connection: `url` is a path under its base URL. */
export const viaConnection = (connection: string, method: "GET" | "POST", url: string, map: Record<string, string>, body = "") => ({
  method,
  url,
  connection,
  body,
  responseMappings: mappings(map),
});
