import { parseId } from "@/lib/api/parse-id";
import { readForm } from "@/lib/api/read-form";
import { withOrg } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { uploadTemplateSample } from "@/lib/whatsapp/templates/manage/upload-template-sample";

/** A media header's sample (multipart `file`), uploaded to Meta's Resumable Upload API: answers `{ handle }`. */
export const POST = withOrg<{ orgSlug: string; channelId: string }>("templates.write", async ({ req, params, ctx }) => {
  const channelId = parseId(params.channelId, "Channel");
  const form = await readForm(req);
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "file: attach the sample file", [{ path: "file", message: "Required" }]);
  return Response.json(await uploadTemplateSample(ctx, channelId, file), { status: 201 });
}, { idempotent: true });
