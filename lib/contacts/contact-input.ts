import { z } from "zod";

const attributeValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
/** Checked again against the organization's custom fields (validateAttributes). */
export const attributesInput = z.record(z.string().min(1).max(60), attributeValue).refine((a) => Object.keys(a).length <= 50, "A contact has at most 50 attributes");

const email = z.string().trim().max(254).email("Not an e-mail address").nullable();

export const createContactInput = z
  .object({
    channelId: z.uuid(),
    phone: z.string().trim().min(6).max(32),
    name: z.string().trim().max(120).optional(),
    email: email.optional(),
    lifecycleStageId: z.uuid().nullable().optional(),
    attributes: attributesInput.optional(),
    optIn: z.enum(["unknown", "opted_in", "opted_out"]).optional(),
    /** Why the consent is what it is (a signed form, a checkbox on the site): kept in the consent history. */
    consentEvidence: z.string().trim().max(1000).optional(),
  })
  .strict();

export const updateContactInput = z.object({
  name: z.string().trim().max(120).nullable().optional(),
  email: email.optional(),
  blocked: z.boolean().optional(),
  botEnabled: z.boolean().optional(),
  lifecycleStageId: z.uuid().nullable().optional(),
  attributes: attributesInput.optional(),
});

export const consentInput = z
  .object({
    state: z.enum(["opted_in", "opted_out", "unknown"]),
    /** What the agent relies on: required, so every manual change says why. */
    evidence: z.string().trim().min(3, "Say what this change rests on").max(1000),
  })
  .strict();

export type CreateContactInput = z.infer<typeof createContactInput>;
export type UpdateContactInput = z.infer<typeof updateContactInput>;
