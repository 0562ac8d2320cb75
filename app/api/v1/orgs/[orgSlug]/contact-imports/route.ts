import { withOrg } from "@/lib/api/route";
import { readForm } from "@/lib/api/read-form";
import { createContactImport, MAX_IMPORT_BYTES } from "@/lib/contacts/import/create-contact-import";
import { AppError } from "@/lib/errors";

// Upload a CSV (multipart: `file`, `channelId`): detected format, columns, a preview and a suggested mapping.
export const POST = withOrg("contacts.manage", async ({ req, ctx }) => {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw new AppError("payload_too_large", "The file is larger than 20 MB");
  const form = await readForm(req);
  const file = form.get("file");
  const channelId = form.get("channelId");
  if (!(file instanceof File)) throw new AppError("invalid_input", "file: attach a CSV file", [{ path: "file", message: "Attach a CSV file" }]);
  if (typeof channelId !== "string" || !channelId) throw new AppError("invalid_input", "channelId: choose the number", [{ path: "channelId", message: "Choose the number" }]);
  const result = await createContactImport(ctx, { channelId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return Response.json(result, { status: 201 });
}, { idempotent: true });
