import type { Flow } from "@/db/schema";
import { flowSettingsSchema, type FlowSettings } from "./flow-input";

export type FlowView = {
  id: string;
  name: string;
  description: string;
  status: Flow["status"];
  settings: FlowSettings;
  trigger: Record<string, unknown>;
  publishedVersionId: string | null;
  /** The number of the published version, when there is one. */
  publishedVersion: number | null;
  /** Whether the draft has changes the published version does not (always false while nothing is published). */
  draftDiffers: boolean;
  createdAt: string;
  updatedAt: string;
};

/** What leaves the server about a flow. Settings are parsed so older rows come back with today's defaults. */
export function toFlowView(flow: Flow, publishedVersion: number | null = null, draftDiffers = false): FlowView {
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    status: flow.status,
    settings: readFlowSettings(flow.settings),
    trigger: flow.trigger,
    publishedVersionId: flow.publishedVersionId,
    publishedVersion,
    draftDiffers: publishedVersion !== null && draftDiffers,
    createdAt: flow.createdAt.toISOString(),
    updatedAt: flow.updatedAt.toISOString(),
  };
}

export function readFlowSettings(raw: unknown): FlowSettings {
  const parsed = flowSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : flowSettingsSchema.parse({});
}
