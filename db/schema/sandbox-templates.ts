import { jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { channels } from "./channels";

/**
 * Templates submitted to a sandbox number's Graph API (app/api/sandbox/graph): Meta's side of the sandbox, what
 * GET /{waba-id}/message_templates answers next to the demo templates. Papo's own mirror stays in `templates`;
 * this table is "Meta's world", reviewed by sandbox-review-template through the status webhook.
 */
export const sandboxTemplates = pgTable(
  "sandbox_templates",
  {
    id: id(),
    channelId: uuid("channel_id").notNull().references(() => channels.id, { onDelete: "cascade" }),
    wabaId: text("waba_id").notNull(),
    /** The id Meta would have given it (digits), what `hsm_id` and POST /{template-id} name. */
    metaTemplateId: text("meta_template_id").notNull(),
    name: text("name").notNull(),
    language: text("language").notNull(),
    category: text("category").notNull(),
    parameterFormat: text("parameter_format"),
    status: text("status").notNull().default("PENDING"),
    rejectedReason: text("rejected_reason"),
    components: jsonb("components").$type<unknown[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sandbox_templates_meta_template_id_key").on(t.metaTemplateId),
    uniqueIndex("sandbox_templates_waba_name_language_key").on(t.wabaId, t.name, t.language),
  ],
);

export type SandboxTemplate = typeof sandboxTemplates.$inferSelect;
