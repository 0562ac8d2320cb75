import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { getContactPanel } from "@/lib/inbox/get-contact-panel";
import { updateContact } from "@/lib/inbox/update-contact";

type P = { orgSlug: string; contactId: string };
const input = z.object({
  name: z.string().trim().max(120).nullable().optional(),
  blocked: z.boolean().optional(),
  // Capped so a contact (and the audit entry that records the change) stays small: 50 × 1000 characters at most.
  attributes: z
    .record(z.string().max(60), z.string().max(1000))
    .refine((a) => Object.keys(a).length <= 50, "A contact has at most 50 attributes")
    .optional(),
});

// The contact side panel: fields, tags, opt-in, block, previous conversations.
export const GET = withOrg<P>("conversations.read", async ({ params, ctx }) => getContactPanel(ctx.org.id, parseId(params.contactId, "Contact")));

export const PATCH = withOrg<P>("contacts.write", async ({ req, params, ctx }) =>
  updateContact(ctx, parseId(params.contactId, "Contact"), await readJson(req, input)),
);
