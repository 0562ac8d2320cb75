"use client";

import * as React from "react";

import { ApiError, apiFetch } from "@/components/api/api-fetch";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import type { DraftView } from "@/lib/flows/store/get-draft";

export type SaveStatus = "saved" | "pending" | "saving" | "error" | "conflict";

const DEBOUNCE_MS = 800;

/**
 * Saves the draft shortly after each change: one request at a time, always with the revision the last save
 * returned, so a second tab's save is refused (409 → "conflict") instead of silently overwritten.
 */
export function useAutosave({ url, graph, initialRevision, enabled }: { url: string; graph: FlowGraph; initialRevision: string; enabled: boolean }) {
  const serialized = React.useMemo(() => JSON.stringify(graph), [graph]);
  const saved = React.useRef(serialized);
  const revision = React.useRef(initialRevision);
  const inFlight = React.useRef<Promise<void> | null>(null);
  const latest = React.useRef(serialized);
  React.useLayoutEffect(() => {
    latest.current = serialized;
  }, [serialized]);
  // What the server holds, as state too, so "dirty" can be computed while rendering.
  const [savedJson, setSavedJson] = React.useState(serialized);
  const [status, setStatus] = React.useState<SaveStatus>("saved");
  // After a 409 only a reload helps: further saves would be refused the same way.
  const conflicted = status === "conflict";
  const [error, setError] = React.useState<unknown>(null);

  const saveNow = React.useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const body = latest.current;
    if (body === saved.current) return true;
    setStatus("saving");
    let ok = false;
    const run = (async () => {
      try {
        const res = await apiFetch<{ draft: DraftView }>(url, { method: "PATCH", body: { graph: JSON.parse(body), revision: revision.current } });
        revision.current = res.draft.revision;
        saved.current = body;
        setSavedJson(body);
        ok = true;
        setError(null);
        setStatus(latest.current === body ? "saved" : "pending");
      } catch (err) {
        setError(err);
        setStatus(err instanceof ApiError && err.status === 409 ? "conflict" : "error");
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    return ok;
  }, [url]);

  React.useEffect(() => {
    if (!enabled || conflicted || serialized === saved.current) return;
    setStatus((s) => (s === "conflict" ? s : "pending"));
    const timer = setTimeout(() => {
      void saveNow();
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [serialized, enabled, conflicted, saveNow]);

  /** After a restore, the server's draft is the new baseline. */
  const reset = React.useCallback((nextRevision: string, graphJson: string) => {
    revision.current = nextRevision;
    saved.current = graphJson;
    setSavedJson(graphJson);
    setStatus("saved");
    setError(null);
  }, []);

  return { status, error, saveNow, reset, dirty: serialized !== savedJson };
}
