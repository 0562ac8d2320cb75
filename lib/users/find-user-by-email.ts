import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { users, type User } from "@/db/schema";

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await getDb()
    .select()
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .limit(1);
  return user;
}
