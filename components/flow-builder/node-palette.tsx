"use client";

import * as React from "react";
import { PanelLeftCloseIcon, PanelLeftOpenIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

import { nodeTypes, type NodeType } from "@/lib/flows/nodes/node-specs";
import { nodeEditors } from "./nodes/node-editors";

export const NODE_DRAG_MIME = "application/x-papo-node-type";

/**
 * Node types to drag onto the canvas (HTML5 drag and drop; the canvas turns the drop point into a flow position).
 * A click adds the node in the middle of the view, for keyboard users. The start node is listed only when the
 * flow has none (every flow has exactly one). Below `xl` it shows icons only (the canvas needs the room; each
 * keeps its name for screen readers and as a tooltip); a button widens or narrows it either way.
 */
export function NodePalette({ hasStart, onAdd }: { hasStart: boolean; onAdd: (type: NodeType) => void }) {
  const t = useTranslations("flowEditor");
  const types = nodeTypes.filter((type) => type !== "start" || !hasStart);
  // null follows the screen width; a click pins it open or closed.
  const [pinned, setPinned] = React.useState<"open" | "closed" | null>(null);
  const wide = pinned === "open" ? "w-52" : pinned === "closed" ? "w-12" : "w-12 xl:w-52";
  const label = pinned === "open" ? "" : pinned === "closed" ? "sr-only" : "sr-only xl:not-sr-only";
  const toggle = () => {
    const openNow = pinned ? pinned === "open" : window.matchMedia("(min-width: 80rem)").matches;
    setPinned(openNow ? "closed" : "open");
  };
  const openNow = pinned === "open";
  return (
    <nav aria-label={t("palette")} data-testid="node-palette" className={cn("flex shrink-0 flex-col gap-1 overflow-y-auto border-r bg-muted/30 p-2", wide)}>
      <div className="flex items-start gap-1">
        <p className={cn("min-w-0 flex-1 px-1 pb-1 text-xs text-muted-foreground", pinned === "open" ? "" : pinned === "closed" ? "hidden" : "hidden xl:block")}>{t("paletteHint")}</p>
        <button
          type="button"
          onClick={toggle}
          aria-label={openNow ? t("collapsePalette") : t("expandPalette")}
          title={openNow ? t("collapsePalette") : t("expandPalette")}
          data-testid="palette-toggle"
          className="flex size-8 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent"
        >
          {openNow ? <PanelLeftCloseIcon aria-hidden="true" className="size-4" /> : <PanelLeftOpenIcon aria-hidden="true" className="size-4" />}
        </button>
      </div>
      {types.map((type) => {
        const Icon = nodeEditors[type].icon;
        return (
          <button
            key={type}
            type="button"
            draggable
            data-testid={`palette-${type}`}
            title={t(`nodeTypes.${type}`)}
            onDragStart={(e) => {
              e.dataTransfer.setData(NODE_DRAG_MIME, type);
              e.dataTransfer.effectAllowed = "move";
            }}
            onClick={() => onAdd(type)}
            className="flex min-h-8 cursor-grab items-center gap-2 rounded-md border bg-card px-1 py-1 text-left text-sm shadow-xs hover:bg-accent active:cursor-grabbing"
          >
            <span className={`flex size-6 shrink-0 items-center justify-center rounded text-white ${nodeEditors[type].accent}`}>
              <Icon aria-hidden="true" className="size-3.5" />
            </span>
            <span className={cn("min-w-0", label)}>{t(`nodeTypes.${type}`)}</span>
          </button>
        );
      })}
    </nav>
  );
}
