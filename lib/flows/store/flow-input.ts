import { z } from "zod";

/**
 * The per-flow runtime settings the editor edits and the engine reads from flows.settings. Unknown keys are kept
 * out so a stale client cannot smuggle fields the engine would trust.
 */
export const flowSettingsSchema = z.object({
  /** Minutes of customer silence after which a waiting session expires. */
  expiryMinutes: z.number().int().min(1, "At least 1 minute").max(10_080, "At most 7 days (10080 minutes)").default(30),
  /** Sent when a session expires; empty = say nothing. */
  closingMessage: z.string().trim().max(1024, "Use at most 1024 characters").default(""),
  /** A customer message equal to this word restarts the flow from its start node; empty = no restart word. */
  restartKeyword: z.string().trim().max(40, "Use at most 40 characters").default(""),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

export const flowNameSchema = z.string().trim().min(1, "Give the flow a name").max(80, "Use at most 80 characters");
export const flowDescriptionSchema = z.string().trim().max(500, "Use at most 500 characters");

export const createFlowInput = z.object({
  name: flowNameSchema,
  description: flowDescriptionSchema.default(""),
});
export type CreateFlowInput = z.infer<typeof createFlowInput>;

export const updateFlowInput = z.object({
  name: flowNameSchema.optional(),
  description: flowDescriptionSchema.optional(),
  settings: flowSettingsSchema.partial().optional(),
});
export type UpdateFlowInput = z.infer<typeof updateFlowInput>;

/** The draft graph itself is checked by the shared graph schema (lib/flows/graph-schema) inside saveDraft. */
export const saveDraftInput = z.object({
  graph: z.unknown(),
  /** The draft revision the client edited (from the last load or save): a stale one is a 409, never an overwrite. */
  revision: z.string().min(1, "The draft revision is required"),
});
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

/** The export format: `format` lets a future importer recognise (and migrate) older files. */
export const flowExportSchema = z.object({
  format: z.literal("papo.flow").default("papo.flow"),
  formatVersion: z.literal(1).default(1),
  name: flowNameSchema,
  description: flowDescriptionSchema.default(""),
  settings: flowSettingsSchema.default({ expiryMinutes: 30, closingMessage: "", restartKeyword: "" }),
  graph: z.unknown(),
});
export type FlowExport = z.infer<typeof flowExportSchema>;
