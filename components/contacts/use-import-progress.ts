"use client";

import * as React from "react";
import { io } from "socket.io-client";

import { apiFetch } from "@/components/api/api-fetch";

export type ImportState = {
  id: string;
  status: "pending" | "running" | "completed" | "failed";
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  errorCount: number;
  failureReason?: string | null;
};

/**
 * An import's live state: pushed over the organization's socket (`contact-import`) after every batch, and read
 * over HTTP on (re)connect and every few seconds, so a missed push never leaves the bar stuck.
 */
export function useImportProgress(slug: string, initial: ImportState | null): ImportState | null {
  const [state, setState] = React.useState<ImportState | null>(initial);
  const id = initial?.id;
  React.useEffect(() => {
    if (!id) return;
    let disposed = false;
    const apply = (next: ImportState) => {
      if (disposed || next.id !== id) return;
      // Counters only move forward; a late HTTP answer must not pull the bar back.
      setState((prev) => (prev && prev.processedRows > next.processedRows && next.status === prev.status ? prev : { ...prev, ...next }));
    };
    const read = () => apiFetch<{ import: ImportState }>(`/api/v1/orgs/${slug}/contact-imports/${id}`).then((r) => apply(r.import), () => undefined);
    const socket = io({ path: "/socket.io", auth: { orgSlug: slug }, withCredentials: true, transports: ["websocket", "polling"] });
    socket.on("connect", () => void read());
    socket.on("contact-import", apply);
    const timer = setInterval(() => void read(), 3000);
    return () => {
      disposed = true;
      clearInterval(timer);
      socket.disconnect();
    };
  }, [slug, id]);
  return state;
}
