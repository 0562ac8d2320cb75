import { z } from "zod";

const templateId = z.union([z.string(), z.number()]).transform((v) => String(v));

/** `value` of `field: "message_template_status_update"`. */
export const templateStatusUpdateSchema = z.looseObject({
  event: z.string(),
  message_template_id: templateId,
  message_template_name: z.string(),
  message_template_language: z.string(),
  message_template_category: z.string().optional(),
  reason: z.string().nullable().optional(),
  rejection_info: z.looseObject({ reason: z.string().optional(), recommendation: z.string().optional() }).optional(),
});

/** `value` of `field: "message_template_quality_update"`. */
export const templateQualityUpdateSchema = z.looseObject({
  message_template_id: templateId,
  message_template_name: z.string(),
  message_template_language: z.string(),
  previous_quality_score: z.string().optional(),
  new_quality_score: z.string(),
});

export type TemplateStatusUpdate = z.infer<typeof templateStatusUpdateSchema>;
export type TemplateQualityUpdate = z.infer<typeof templateQualityUpdateSchema>;
