"use client";

import { useTranslations } from "next-intl";

import { nodeTypes, type NodeType } from "@/lib/flows/nodes/node-specs";
import { nodeEditors } from "./nodes/node-editors";

export const NODE_DRAG_MIME = "application/x-papo-node-type";

/**
 * Node types to drag onto the canvas (HTML5 drag and drop; the canvas turns the drop point into a flow position).
 * A click adds the node in the middle of the view, for keyboard users. The start node is listed only when the
 * flow has none (every flow has exactly one).
 */
export function NodePalette({ hasStart, onAdd }: { hasStart: boolean; onAdd: (type: NodeType) => void }) {
  const t = useTranslations("flowEditor");
  const types = nodeTypes.filter((type) => type !== "start" || !hasStart);
  return (
    <nav aria-label={t("palette")} className="flex w-52 shrink-0 flex-col gap-1 overflow-y-auto border-r bg-muted/30 p-2">
      <p className="px-1 pb-1 text-xs text-muted-foreground">{t("paletteHint")}</p>
      {types.map((type) => {
        const Icon = nodeEditors[type].icon;
        return (
          <button
            key={type}
            type="button"
            draggable
            data-testid={`palette-${type}`}
            onDragStart={(e) => {
              e.dataTransfer.setData(NODE_DRAG_MIME, type);
              e.dataTransfer.effectAllowed = "move";
            }}
            onClick={() => onAdd(type)}
            className="flex cursor-grab items-center gap-2 rounded-md border bg-card px-2 py-1.5 text-left text-sm shadow-xs hover:bg-accent active:cursor-grabbing"
          >
            <span className={`flex size-6 items-center justify-center rounded text-white ${nodeEditors[type].accent}`}>
              <Icon aria-hidden="true" className="size-3.5" />
            </span>
            {t(`nodeTypes.${type}`)}
          </button>
        );
      })}
    </nav>
  );
}
