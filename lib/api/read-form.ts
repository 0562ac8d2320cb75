import { AppError } from "@/lib/errors";
import { unsafeTextReason } from "./find-unsafe-text";

/**
 * Parses a multipart body with the same text rule as readJson: a NUL in a text field or a file name is a 422
 * naming the field, before anything is stored.
 */
export async function readForm(req: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError("bad_request", "Send the file as multipart/form-data");
  }
  for (const [name, value] of form.entries()) {
    const reason = unsafeTextReason(name) ?? unsafeTextReason(typeof value === "string" ? value : value.name);
    if (reason) {
      const path = JSON.stringify(name).slice(1, -1);
      throw new AppError("invalid_input", `${path}: ${reason}`, [{ path, message: reason }]);
    }
  }
  return form;
}
