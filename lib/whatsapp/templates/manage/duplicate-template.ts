import type { Template } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { draftFromComponents } from "../draft/draft-from-components";
import { getTemplateOrThrow } from "../get-template-or-throw";
import { submitTemplate } from "./submit-template";
import { templateChannel } from "./template-channel";

/**
 * A copy of a template under a new name (and optionally another language, which is how a template gets more
 * languages: same name, new language), submitted for review like any new one.
 */
export async function duplicateTemplate(ctx: OrgContext, templateId: string, input: { name: string; language?: string; channelId?: string }): Promise<Template> {
  const source = await getTemplateOrThrow(ctx.org.id, templateId);
  const draft = { ...draftFromComponents(source), name: input.name, language: input.language ?? source.language };
  const channelId = input.channelId ?? (await templateChannel(ctx.org.id, source)).id;
  return submitTemplate(ctx, { channelId, draft }, "templates.duplicated");
}
