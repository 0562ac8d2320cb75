import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeOtherUserSessions } from "@/lib/auth/user-sessions";
import { AppError, notFound } from "@/lib/errors";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { findUserById } from "./find-user-by-id";
import { passwordSchema } from "./sign-up";

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

/**
 * A new password ends every other session of the person (a stolen cookie or a forgotten browser stops working)
 * and closes their sockets; the session that asked stays signed in.
 */
export async function changePassword(userId: string, sessionId: string | undefined, input: z.infer<typeof changePasswordInput>): Promise<void> {
  const user = await findUserById(userId);
  if (!user) throw notFound("User");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    const message = "The current password is incorrect";
    throw new AppError("invalid_input", message, [{ path: "currentPassword", message }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeOtherUserSessions(userId, sessionId, tx);
  });
  disconnectSockets({ userId, exceptSessionId: sessionId });
}
