import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { listAuditLog } from "@/lib/audit/list-audit-log";

const query = z.object({ before: z.iso.datetime().optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export const GET = withOrg("audit.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listAuditLog(ctx.org.id, { before: q.before ? new Date(q.before) : undefined, limit: q.limit });
});
