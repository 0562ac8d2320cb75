import { asc, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { inngestFunctions } from "@/db/schema";

/** The registered functions, for the Runs page's filter. Install-wide: every organization runs the same code. */
export async function listFunctions(): Promise<{ id: string; name: string | null }[]> {
  return getDb()
    .select({ id: inngestFunctions.id, name: sql<string | null>`${inngestFunctions.config}->>'name'` })
    .from(inngestFunctions)
    .orderBy(asc(inngestFunctions.id));
}
