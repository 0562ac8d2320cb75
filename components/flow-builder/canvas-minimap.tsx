"use client";

import * as React from "react";
import { ControlButton, MiniMap } from "@xyflow/react";
import { MapIcon } from "lucide-react";
import { useTranslations } from "next-intl";

/** Below this canvas width the minimap would cover the nodes it maps: it starts hidden. */
export const MINIMAP_MIN_CANVAS_WIDTH = 900;

/**
 * Whether the minimap shows: off by default on a small canvas (measured, so it follows the window), and a
 * button among the canvas controls to show or hide it; once pressed, the person's choice holds.
 */
export function useMinimap(canvas: React.RefObject<HTMLElement | null>) {
  const [wideEnough, setWideEnough] = React.useState(false);
  const [choice, setChoice] = React.useState<boolean | null>(null);
  React.useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWideEnough(entry.contentRect.width >= MINIMAP_MIN_CANVAS_WIDTH));
    observer.observe(el);
    return () => observer.disconnect();
  }, [canvas]);
  const shown = choice ?? wideEnough;
  return { shown, toggle: () => setChoice(!shown) };
}

export function CanvasMinimap({ shown }: { shown: boolean }) {
  return shown ? <MiniMap pannable zoomable /> : null;
}

/** The show/hide button, placed inside React Flow's <Controls>. */
export function MinimapToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const t = useTranslations("flowEditor");
  const label = shown ? t("hideMinimap") : t("showMinimap");
  return (
    <ControlButton onClick={onToggle} aria-label={label} title={label} aria-pressed={shown} data-testid="minimap-toggle">
      <MapIcon aria-hidden="true" />
    </ControlButton>
  );
}
