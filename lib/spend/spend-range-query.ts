import { z } from "zod";

const day = z.iso.date();

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` ([from, to), at most 731 days; default: the last 30 days) and `granularity`. */
export const spendRangeQuery = z
  .object({ from: day.optional(), to: day.optional(), granularity: z.enum(["day", "month"]).default("day") })
  .transform((q, c) => {
    const to = q.to ?? new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const from = q.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString().slice(0, 10);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days > 0 && days <= 731)) {
      c.addIssue({ code: "custom", path: ["from"], message: "from must be before to, at most 731 days apart" });
      return z.NEVER;
    }
    return { from, to, granularity: q.granularity };
  });
