import type * as React from "react";
import type { LucideIcon } from "lucide-react";

import type { NodeDataOf, NodeType } from "@/lib/flows/nodes/node-specs";

/** What the settings panels may need beyond the node itself (other flows for "jump to flow", …). */
export type EditorOptions = { flows: { id: string; name: string }[]; currentFlowId: string };

export type NodeSettingsProps<T extends NodeType> = {
  nodeId: string;
  data: NodeDataOf<T>;
  onChange: (data: NodeDataOf<T>) => void;
  options: EditorOptions;
};

/** The editor half of one node type: how it looks on the canvas and how it is edited. */
export type NodeEditor<T extends NodeType> = {
  icon: LucideIcon;
  /** Tailwind classes for the card's header stripe. */
  accent: string;
  /** The body of the node card: a short summary of the data. */
  Card: React.ComponentType<{ data: NodeDataOf<T> }>;
  Settings: React.ComponentType<NodeSettingsProps<T>>;
};

/** Shortens a text for a card. */
export function preview(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
