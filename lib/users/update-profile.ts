import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { locales } from "@/lib/i18n/locales";
import { personNameSchema } from "./sign-up";

export const updateProfileInput = z.object({
  name: personNameSchema.optional(),
  /** null means "follow the browser". */
  locale: z.enum(locales).nullable().optional(),
});

export async function updateProfile(userId: string, input: z.infer<typeof updateProfileInput>) {
  const [user] = await getDb().update(users).set({ name: input.name, locale: input.locale }).where(eq(users.id, userId)).returning();
  return { id: user.id, name: user.name, email: user.email, locale: user.locale };
}
