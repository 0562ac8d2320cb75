import type { Template } from "@/db/schema";
import { countTemplateParameters, requiredParameterCount, slotLabel } from "./count-template-parameters";

export type TemplateView = {
  id: string;
  channelId: string | null;
  wabaId: string;
  metaTemplateId: string | null;
  name: string;
  language: string;
  category: string | null;
  status: string;
  quality: string | null;
  rejectionReason: string | null;
  /** The category Papo asked for when it submitted the template; differs from `category` when Meta changed it. */
  requestedCategory: string | null;
  /** Meta's last template_category_update (from → to; `impending`: announced, not made yet). */
  categoryChange: { from: string | null; to: string; at: string; impending?: boolean } | null;
  components: unknown[];
  /** Derived from the placeholders; null until the definition has been synced. */
  parameterFormat: "named" | "positional" | null;
  /** The parameters a send must carry, e.g. ["header {{order_number}}", "body {{first_name}}", "button 1 (url)"]. */
  parameters: string[];
  parameterCount: number;
  updatedAt: string;
};

export function toTemplateView(t: Template): TemplateView {
  const synced = Array.isArray(t.components) && t.components.length > 0;
  const spec = countTemplateParameters(synced ? t.components : []);
  return {
    id: t.id,
    channelId: t.channelId,
    wabaId: t.wabaId,
    metaTemplateId: t.metaTemplateId,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    quality: t.quality,
    rejectionReason: t.rejectionReason,
    requestedCategory: t.requestedCategory,
    categoryChange: t.categoryChange ?? null,
    components: t.components,
    parameterFormat: synced ? spec.format : null,
    parameters: spec.slots.filter((s) => !s.optional).map(slotLabel),
    parameterCount: requiredParameterCount(spec),
    updatedAt: t.updatedAt.toISOString(),
  };
}
