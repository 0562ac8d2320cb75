import { z } from "zod";
import { contactFilterSchema } from "../contact-filter";

export const segmentInput = z.object({
  name: z.string().trim().min(1, "Name the segment").max(80),
  filter: contactFilterSchema,
});

export const segmentPatch = segmentInput.partial();

export type SegmentInput = z.infer<typeof segmentInput>;
