import type { OrgContext } from "@/lib/auth/org-context";
import { AppError } from "@/lib/errors";
import { graphClientForChannel } from "@/lib/whatsapp/graph/graph-client-for-channel";
import { templateSyncChannel } from "../sync-templates";
import { metaTemplateError } from "./meta-template-error";

/** What Meta accepts as a header sample, per header type (and its size cap). */
export const SAMPLE_TYPES: Record<string, { kind: "image" | "video" | "document"; maxBytes: number }> = {
  "image/jpeg": { kind: "image", maxBytes: 5 * 1024 * 1024 },
  "image/png": { kind: "image", maxBytes: 5 * 1024 * 1024 },
  "video/mp4": { kind: "video", maxBytes: 16 * 1024 * 1024 },
  "application/pdf": { kind: "document", maxBytes: 100 * 1024 * 1024 },
};

/**
 * Uploads a media header's sample through the channel's Resumable Upload API and answers the handle that goes in
 * the draft's `header.handle` (what Meta's reviewers look at). Nothing is stored in Papo.
 */
export async function uploadTemplateSample(ctx: OrgContext, channelId: string, file: File): Promise<{ handle: string; kind: string }> {
  const type = SAMPLE_TYPES[file.type];
  if (!type) throw new AppError("invalid_input", "A sample is a JPEG or PNG image, an MP4 video or a PDF document", [{ path: "file", message: "Unsupported file type" }]);
  if (file.size === 0 || file.size > type.maxBytes) {
    throw new AppError("invalid_input", `The ${type.kind} sample must be between 1 byte and ${type.maxBytes / 1024 / 1024} MB`, [{ path: "file", message: "Wrong size" }]);
  }
  const channel = await templateSyncChannel(ctx.org.id, channelId);
  try {
    const { handle } = await graphClientForChannel(channel).uploadTemplateSample({ data: new Uint8Array(await file.arrayBuffer()), mimeType: file.type, filename: file.name || "sample" });
    return { handle, kind: type.kind };
  } catch (err) {
    metaTemplateError(err, "upload the sample");
  }
}
