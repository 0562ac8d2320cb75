"use client";

import * as React from "react";

import type { EditorGraph } from "./editor-graph";

const LIMIT = 100;

/**
 * Undo/redo over whole-graph snapshots (cheap: the arrays are immutable and shared). `record(before)` is called
 * before each change worth undoing; `key` lets rapid edits of one field (typing) share one undo step.
 */
export function useGraphHistory() {
  const past = React.useRef<EditorGraph[]>([]);
  const future = React.useRef<EditorGraph[]>([]);
  const lastKey = React.useRef<{ key: string; at: number } | null>(null);
  // Mirrors of the stacks' sizes, for the buttons (refs cannot be read while rendering).
  const [sizes, setSizes] = React.useState({ past: 0, future: 0 });
  const bump = React.useCallback(() => setSizes({ past: past.current.length, future: future.current.length }), []);

  const record = React.useCallback((before: EditorGraph, key?: string) => {
    const now = Date.now();
    if (key && lastKey.current?.key === key && now - lastKey.current.at < 1500) {
      lastKey.current.at = now;
      return;
    }
    lastKey.current = key ? { key, at: now } : null;
    past.current = [...past.current.slice(-(LIMIT - 1)), before];
    future.current = [];
    bump();
  }, [bump]);

  const undo = React.useCallback((current: EditorGraph): EditorGraph | null => {
    const previous = past.current.at(-1);
    if (!previous) return null;
    past.current = past.current.slice(0, -1);
    future.current = [...future.current, current];
    lastKey.current = null;
    bump();
    return previous;
  }, [bump]);

  const redo = React.useCallback((current: EditorGraph): EditorGraph | null => {
    const next = future.current.at(-1);
    if (!next) return null;
    future.current = future.current.slice(0, -1);
    past.current = [...past.current, current];
    lastKey.current = null;
    bump();
    return next;
  }, [bump]);

  return { record, undo, redo, canUndo: sizes.past > 0, canRedo: sizes.future > 0 };
}
