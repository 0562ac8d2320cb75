import { parseId } from "@/lib/api/parse-id";
import { withOrg } from "@/lib/api/route";
import { getAttachmentOrThrow } from "@/lib/media/get-attachment-or-throw";
import { mediaStorageFor } from "@/lib/media/media-storage-for";
import { serveAttachment } from "@/lib/media/serve-attachment";

type Params = { orgSlug: string; attachmentId: string };

/** The bytes of a stored inbound attachment (lib/media/serve-attachment.ts); blocked ones answer 403 with the reason. */
export const GET = withOrg<Params>("conversations.read", async ({ params, ctx }) => {
  const attachment = await getAttachmentOrThrow(ctx.org.id, parseId(params.attachmentId, "Attachment"));
  return serveAttachment(attachment, mediaStorageFor());
});
