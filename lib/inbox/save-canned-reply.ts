import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { cannedReplies } from "@/db/schema";
import type { OrgContext } from "@/lib/auth/org-context";
import { recordAudit } from "@/lib/audit/record-audit";
import { conflict, notFound } from "@/lib/errors";
import { cannedReplyJson } from "./list-canned-replies";

export const cannedReplyInput = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .transform((s) => s.replace(/^\//, ""))
    .pipe(z.string().regex(/^[a-z0-9_-]{1,32}$/, "Use 1–32 letters, digits, - or _")),
  body: z.string().trim().min(1, "Write the reply").max(4096),
});

/** Creates (no id) or updates a canned reply. A duplicate shortcut is a 409 (unique index among live rows). */
export async function saveCannedReply(ctx: OrgContext, raw: Partial<z.input<typeof cannedReplyInput>>, id?: string) {
  const input = id ? cannedReplyInput.partial().parse(raw) : cannedReplyInput.parse(raw);
  const row = await getDb().transaction(async (tx) => {
    if (input.shortcut) {
      const [taken] = await tx
        .select({ id: cannedReplies.id })
        .from(cannedReplies)
        .where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.shortcut, input.shortcut), isNull(cannedReplies.deletedAt)));
      if (taken && taken.id !== id) throw conflict(`/${input.shortcut} already exists`, "shortcut");
    }
    let saved;
    if (id) {
      [saved] = await tx
        .update(cannedReplies)
        .set({ ...(input.shortcut !== undefined && { shortcut: input.shortcut }), ...(input.body !== undefined && { body: input.body }) })
        .where(and(eq(cannedReplies.organizationId, ctx.org.id), eq(cannedReplies.id, id), isNull(cannedReplies.deletedAt)))
        .returning();
      if (!saved) throw notFound("Canned reply");
    } else {
      [saved] = await tx
        .insert(cannedReplies)
        .values({ organizationId: ctx.org.id, shortcut: input.shortcut!, body: input.body! })
        .returning();
    }
    await recordAudit(tx, ctx, { action: id ? "canned_reply.update" : "canned_reply.create", targetType: "canned_reply", targetId: saved.id, metadata: { shortcut: saved.shortcut } });
    return saved;
  });
  return cannedReplyJson(row);
}
