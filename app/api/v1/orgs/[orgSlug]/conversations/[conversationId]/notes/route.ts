import { readJson, withOrg } from "@/lib/api/route";
import { noteInput } from "@/lib/api/openapi/conversations";
import { parseId } from "@/lib/api/parse-id";
import { addNote } from "@/lib/inbox/add-note";

type P = { orgSlug: string; conversationId: string };
// Internal notes: stored as conversation events, never sent to the customer.
export const POST = withOrg<P>("notes.write", async ({ req, params, ctx }) => {
  const { body } = await readJson(req, noteInput);
  return Response.json({ event: await addNote(ctx, parseId(params.conversationId, "Conversation"), body) }, { status: 201 });
}, { idempotent: true });
