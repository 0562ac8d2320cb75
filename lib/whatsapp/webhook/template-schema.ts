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

/**
 * `value` of `field: "template_category_update"` (Meta recategorised a template). Two shapes in Meta's docs: the
 * change made (`previous_category`, `new_category`) and the notice of one to come (`correct_category`, the category
 * Meta will move it to). No payload of it is in /work/shared/meta: tests/fixtures/meta/template_category_update.json
 * was written from Meta's documented shape.
 */
export const templateCategoryUpdateSchema = z
  .looseObject({
    message_template_id: templateId,
    message_template_name: z.string(),
    message_template_language: z.string(),
    previous_category: z.string().optional(),
    new_category: z.string().optional(),
    correct_category: z.string().optional(),
  })
  .refine((v) => v.new_category || v.correct_category, { message: "new_category or correct_category is required" });

export type TemplateCategoryUpdate = z.infer<typeof templateCategoryUpdateSchema>;
export type TemplateStatusUpdate = z.infer<typeof templateStatusUpdateSchema>;
export type TemplateQualityUpdate = z.infer<typeof templateQualityUpdateSchema>;
