import { z } from "zod";

/** A simulated customer: WhatsApp identifies them by `wa_id` (digits of the phone, no "+"). */
export const sandboxCustomer = z.object({
  name: z.string().trim().min(1, "Give the customer a name").max(80),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[1-9][\d\s().-]{6,24}$/, "Use international format, e.g. +55 11 91234-5678")
    .transform((v) => v.replace(/\D/g, ""))
    .refine((v) => v.length >= 8 && v.length <= 15, "A phone number has 8 to 15 digits"),
});
export type SandboxCustomer = z.infer<typeof sandboxCustomer>;

const wamid = z.string().min(1).max(256);

/** What a simulated customer can do on the phone; each becomes one Meta-shaped inbound message. */
export const customerAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), body: z.string().min(1).max(4096), replyTo: wamid.optional() }),
  z.object({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
  /** Tapping a reply button of the business's interactive message `contextId`. */
  z.object({ type: z.literal("button_reply"), contextId: wamid, id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
  /** Picking a row of the business's list message `contextId`. */
  z.object({
    type: z.literal("list_reply"),
    contextId: wamid,
    id: z.string().min(1).max(200),
    title: z.string().min(1).max(24),
    description: z.string().max(72).optional(),
  }),
  /** An empty emoji removes the reaction (Meta sends the same shape without `emoji`). */
  z.object({ type: z.literal("reaction"), messageId: wamid, emoji: z.string().max(16) }),
]);
export type CustomerAction = z.infer<typeof customerAction>;

export const customerMessageInput = z.object({ customer: sandboxCustomer, message: customerAction });
export type CustomerMessageInput = z.infer<typeof customerMessageInput>;
