import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { assignConversation } from "@/lib/inbox/assign-conversation";

type P = { orgSlug: string; conversationId: string };
const input = z
  .object({
    assigneeId: z.uuid().nullable().optional(),
    departmentId: z.uuid().nullable().optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .refine((v) => v.assigneeId !== undefined || v.departmentId !== undefined, { message: "Name an agent or a department", path: ["assigneeId"] });

// Assign to an agent and/or a department; with a note it is a transfer.
export const POST = withOrg<P>("conversations.assign", async ({ req, params, ctx }) => ({
  conversation: await assignConversation(ctx, parseId(params.conversationId, "Conversation"), await readJson(req, input)),
}));
