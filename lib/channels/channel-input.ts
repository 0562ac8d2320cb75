import { z } from "zod";

const digits = (label: string) => z.string().trim().regex(/^\d{5,32}$/, `${label} is the numeric id from Meta (5–32 digits)`);

/** One schema for the channel form, the API and the CLI. Secrets are write-only: they are never read back. */
export const channelFields = {
  name: z.string().trim().min(1, "Give the number a name").max(80, "Use at most 80 characters"),
  displayPhoneNumber: z
    .string()
    .trim()
    .regex(/^\+[1-9][\d\s().-]{6,24}$/, "Use international format, e.g. +55 11 91234-5678")
    .transform((v) => `+${v.replace(/\D/g, "")}`)
    .refine((v) => v.length >= 9 && v.length <= 16, "A phone number has 8 to 15 digits"),
  phoneNumberId: digits("Phone number ID"),
  wabaId: digits("WhatsApp Business Account ID"),
  accessToken: z.string().trim().min(20, "Paste the access token from Meta (at least 20 characters)").max(2048),
  appSecret: z.string().trim().regex(/^[A-Za-z0-9]{16,128}$/, "The app secret is the letters and digits shown in Meta's app settings"),
  verifyToken: z.string().trim().regex(/^[\x21-\x7e]{8,128}$/, "Use 8–128 visible characters without spaces"),
};

export const createChannelInput = z.discriminatedUnion("provider", [
  z.object({
    provider: z.literal("cloud"),
    name: channelFields.name,
    displayPhoneNumber: channelFields.displayPhoneNumber,
    phoneNumberId: channelFields.phoneNumberId,
    wabaId: channelFields.wabaId,
    accessToken: channelFields.accessToken,
    appSecret: channelFields.appSecret,
    verifyToken: channelFields.verifyToken.optional(),
  }),
  z.object({
    provider: z.literal("evolution"),
    name: channelFields.name,
    /** Known once the phone is linked (CONNECTION_UPDATE names it); may be typed ahead. */
    displayPhoneNumber: channelFields.displayPhoneNumber.optional(),
    baseUrl: z
      .url({ protocol: /^https?$/, message: "The Evolution server URL must be an http(s) URL, e.g. https://evolution.example.com" })
      .max(500)
      .refine((u) => !new URL(u).username && !new URL(u).password, "Put the API key in its own field, not in the URL"),
    apiKey: z.string().trim().min(8, "Paste the Evolution API key (at least 8 characters)").max(512),
    instanceName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/, "Use up to 64 letters, digits, spaces, '.', '_' or '-'"),
    allowGroups: z.boolean().optional(),
  }),
  z.object({
    provider: z.literal("sandbox"),
    name: channelFields.name,
    displayPhoneNumber: channelFields.displayPhoneNumber,
    phoneNumberId: channelFields.phoneNumberId.optional(),
    wabaId: channelFields.wabaId.optional(),
    verifyToken: channelFields.verifyToken.optional(),
  }),
]);
export type CreateChannelInput = z.infer<typeof createChannelInput>;

/** Blank secrets on update mean "keep the stored one". */
export const updateChannelInput = z.object({
  name: channelFields.name.optional(),
  displayPhoneNumber: channelFields.displayPhoneNumber.optional(),
  phoneNumberId: channelFields.phoneNumberId.optional(),
  wabaId: channelFields.wabaId.optional(),
  accessToken: channelFields.accessToken.optional(),
  appSecret: channelFields.appSecret.optional(),
  verifyToken: channelFields.verifyToken.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  /** Evolution numbers: the random gap between two proactive messages (lib/evolution/proactive-pacing.ts). */
  proactiveGapMinSeconds: z.int({ message: "Give whole seconds" }).min(1, { message: "At least 1 second" }).max(600, { message: "At most 600 seconds" }).optional(),
  proactiveGapMaxSeconds: z.int({ message: "Give whole seconds" }).min(1, { message: "At least 1 second" }).max(3600, { message: "At most 3600 seconds" }).optional(),
});
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;
