import { z } from "zod";
import { withOrg } from "@/lib/api/route";
import { listRuns } from "@/lib/runs/list-runs";
import { runStatuses } from "@/lib/runs/run-view";

const query = z.object({
  functionId: z.string().min(1).max(200).optional(),
  status: z.enum(runStatuses).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = withOrg("runs.read", async ({ req, ctx }) => {
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return listRuns(ctx.org.id, q);
});
