import { z } from "zod";
import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { addNote } from "@/lib/inbox/add-note";

type P = { orgSlug: string; conversationId: string };
const input = z.object({ body: z.string().trim().min(1, "Write the note").max(4000) });

// Internal notes: stored as conversation events, never sent to the customer.
export const POST = withOrg<P>("notes.write", async ({ req, params, ctx }) => {
  const { body } = await readJson(req, input);
  return Response.json({ event: await addNote(ctx, parseId(params.conversationId, "Conversation"), body) }, { status: 201 });
});
