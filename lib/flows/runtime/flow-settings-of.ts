import { flowSettingsSchema, type FlowSettings } from "../store/flow-input";

/** A flow's runtime settings with defaults (expiry 30 min, no closing message, no restart word); bad JSON reads as defaults. */
export function flowSettingsOf(raw: unknown): FlowSettings {
  const parsed = flowSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : flowSettingsSchema.parse({});
}
