import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { readForm } from "@/lib/api/read-form";
import { AppError } from "@/lib/errors";
import { sandboxCustomer } from "@/lib/sandbox/customer-action";
import { getSandboxChannelOrThrow } from "@/lib/sandbox/get-sandbox-channel";
import { SANDBOX_MEDIA_MAX_BYTES, saveSandboxMedia } from "@/lib/sandbox/sandbox-media-store";
import { sendCustomerMessage } from "@/lib/sandbox/send-customer-message";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png"]);
const fields = z.object({ name: z.string(), phone: z.string(), caption: z.string().max(1024).optional() });

// A simulated customer sends a file (multipart: file, name, phone, caption?): an image (JPEG/PNG) or a document.
export const POST = withOrg<{ orgSlug: string; channelId: string }>("sandbox.simulate", async ({ req, params, ctx }) => {
  const channel = await getSandboxChannelOrThrow(ctx.org.id, parseId(params.channelId, "Channel"));
  const form = await readForm(req);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("bad_request", "Attach a file");
  if (file.size > SANDBOX_MEDIA_MAX_BYTES) throw new AppError("payload_too_large", "Files sent from the sandbox phone are limited to 16 MB");
  const { name, phone, caption } = fields.parse({
    name: form.get("name") ?? "",
    phone: form.get("phone") ?? "",
    caption: (form.get("caption") as string | null) || undefined,
  });
  const customer = sandboxCustomer.parse({ name, phone });
  const mimeType = file.type || "application/octet-stream";
  const type = IMAGE_TYPES.has(mimeType) ? "image" : "document";
  const stored = await saveSandboxMedia(channel.id, { data: new Uint8Array(await file.arrayBuffer()), mimeType, filename: file.name || undefined });
  const message = await sendCustomerMessage(channel, {
    customer,
    message: { type, mediaId: stored.id, mimeType, sha256: stored.sha256, caption, filename: type === "document" ? file.name || "file" : undefined },
  });
  return Response.json({ message: { ...message, mediaId: stored.id, type } }, { status: 201 });
});
