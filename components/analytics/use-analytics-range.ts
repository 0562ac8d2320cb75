"use client";

import * as React from "react";

export type Preset = "last7" | "last30" | "last90";
const DAYS: Record<Preset, number> = { last7: 7, last30: 30, last90: 90 };
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The reports' period picker state: a preset counted back from `today` (the organization's local date, from the
 * server, so the browser's own zone never moves a day) and an optional channel. `query` is the API's search string.
 */
export function useAnalyticsRange(today: string) {
  const [preset, setPreset] = React.useState<Preset>("last30");
  const [channelId, setChannelId] = React.useState("");
  const to = addDays(today, 1);
  const from = addDays(to, -DAYS[preset]);
  const params = new URLSearchParams({ from, to, ...(channelId && { channelId }) });
  return { preset, setPreset, channelId, setChannelId, from, to, query: params.toString(), isDefault: preset === "last30" && !channelId };
}
