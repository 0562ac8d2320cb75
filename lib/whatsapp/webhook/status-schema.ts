import { z } from "zod";
import { metaErrorSchema, unixSeconds } from "./common-schema";

/** One `statuses[]` item. `status` stays a string: an unknown status is stored as pending-free noise, not a failure. */
export const messageStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  pricing: z.record(z.string(), z.unknown()).optional(),
  conversation: z.record(z.string(), z.unknown()).optional(),
  errors: z.array(metaErrorSchema).optional(),
});

export type MessageStatus = z.infer<typeof messageStatusSchema>;
