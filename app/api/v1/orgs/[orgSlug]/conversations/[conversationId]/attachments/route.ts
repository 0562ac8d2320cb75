import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { readForm } from "@/lib/api/read-form";
import { AppError } from "@/lib/errors";
import { sendAttachment } from "@/lib/inbox/send-attachment";

const fields = z.object({
  caption: z.string().max(1024, "A caption has at most 1024 characters").optional(),
  replyTo: z.string().min(1).max(200).optional(),
  idempotencyKey: z.string().min(8).max(200).optional(),
});

// An agent sends a file (multipart: file, caption?, replyTo?, idempotencyKey?): the same guard and rules as
// messages/route.ts; 201 for a new message, 200 when the idempotency key was already used.
export const POST = withOrg<{ orgSlug: string; conversationId: string }>("conversations.reply", async ({ req, params, ctx }) => {
  const conversationId = parseId(params.conversationId, "Conversation");
  const form = await readForm(req);
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "Attach a file", [{ path: "file", message: "Attach a file" }]);
  const text = (name: string) => (typeof form.get(name) === "string" && form.get(name) !== "" ? (form.get(name) as string) : undefined);
  const { caption, replyTo, idempotencyKey } = fields.parse({ caption: text("caption"), replyTo: text("replyTo"), idempotencyKey: text("idempotencyKey") });
  const { message, created } = await sendAttachment(ctx, conversationId, {
    data: new Uint8Array(await file.arrayBuffer()),
    declaredType: file.type,
    filename: file.name,
    caption,
    replyTo,
    idempotencyKey,
  });
  return Response.json({ message }, { status: created ? 201 : 200 });
});
