import { readJson, withUser } from "@/lib/api/route";
import { changePassword, changePasswordInput } from "@/lib/users/change-password";

export const POST = withUser(async ({ req, userId, sessionId }) => {
  await changePassword(userId, sessionId, await readJson(req, changePasswordInput));
  return { ok: true };
});
