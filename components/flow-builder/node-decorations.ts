"use client";

import * as React from "react";

import type { GraphIssue } from "@/lib/flows/validate-graph";

export type NodeCounters = { entered: number; completed: number; dropped: number; handedOff?: number };
export type NodeDecoration = { issues: GraphIssue[]; counters: NodeCounters | null; active: boolean };

const EMPTY: NodeDecoration = { issues: [], counters: null, active: false };

/**
 * What the canvas draws on top of each node (validation issues, per-node counters, the test session's position),
 * kept outside React Flow's node data so it is never saved, and delivered per node: a node re-renders only when
 * its own decoration changes, not when any other node's does (300-node flows stay responsive while typing).
 */
export class NodeDecorations {
  private byNode = new Map<string, NodeDecoration>();
  private keys = new Map<string, string>();
  private listeners = new Map<string, Set<() => void>>();

  set(next: Map<string, NodeDecoration>) {
    const ids = new Set([...this.byNode.keys(), ...next.keys()]);
    for (const id of ids) {
      const decoration = next.get(id) ?? EMPTY;
      const key = JSON.stringify(decoration);
      if (this.keys.get(id) === key) continue;
      this.keys.set(id, key);
      if (next.has(id)) this.byNode.set(id, decoration);
      else this.byNode.delete(id);
      this.listeners.get(id)?.forEach((l) => l());
    }
  }

  get(id: string): NodeDecoration {
    return this.byNode.get(id) ?? EMPTY;
  }

  subscribe(id: string, listener: () => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }
}

export const NodeDecorationsContext = React.createContext<NodeDecorations | null>(null);

export function useNodeDecoration(id: string): NodeDecoration {
  const store = React.useContext(NodeDecorationsContext);
  return React.useSyncExternalStore(
    React.useCallback((l: () => void) => store?.subscribe(id, l) ?? (() => {}), [store, id]),
    () => store?.get(id) ?? EMPTY,
    () => EMPTY,
  );
}
