import { z } from "zod";

const paramText = z.string().min(1, "A parameter must not be empty").max(1024);
const paramName = z.string().regex(/^[a-z0-9_]+$/, "Parameter names use lowercase letters, digits and _").max(100);

/** Header media by public URL or by an uploaded media id; a text header's one variable as `text`. */
const header = z.union([
  z
    .object({
      type: z.enum(["image", "video", "document"]),
      url: z.url({ protocol: /^https?$/, message: "The header media URL must be an http(s) URL" }).max(2000).optional(),
      id: z.string().min(1).max(200).optional(),
      filename: z.string().min(1).max(240).optional(),
    })
    .strict()
    .refine((h) => !!h.url !== !!h.id, "Give the header media either a url or an id"),
  z.object({ text: paramText }).strict(),
]);

const button = z
  .object({
    index: z.number().int().min(0).max(9),
    type: z.enum(["url", "copy_code", "quick_reply"]),
    /** The URL button's dynamic suffix, the code to copy, or the quick reply's payload. */
    value: z.string().min(1).max(2000),
  })
  .strict();

export const notificationTemplate = z
  .object({
    name: z.string().regex(/^[a-z0-9_]+$/, "Template names use lowercase letters, digits and _").max(512),
    language: z.string().min(2).max(15),
    /** Body parameters: a list (positional `{{1}}`, `{{2}}`…) or an object (named `{{first_name}}`). */
    parameters: z.union([z.array(paramText).max(100), z.record(paramName, paramText)]).optional(),
    header: header.optional(),
    buttons: z.array(button).max(10).optional(),
  })
  .strict();

/**
 * One notification: to a phone number (`to`, any format; normalised like inbound numbers) or a business-scoped user
 * id (`userId`), with a template or a text. `channelId` picks the business number (default: the organization's
 * first active one). `fallback: "sms"` sends `smsText` (default: the text, or the template's body filled in) by the
 * organization's SMS gateway when WhatsApp cannot deliver for a reason retrying will not change.
 */
export const notificationInput = z
  .object({
    to: z.string().trim().min(1).max(40).optional(),
    userId: z.string().trim().min(1).max(200).optional(),
    channelId: z.uuid().optional(),
    template: notificationTemplate.optional(),
    text: z.string().trim().min(1, "Write a message").max(4096, "A message has at most 4096 characters").optional(),
    fallback: z.literal("sms").optional(),
    smsText: z.string().trim().min(1).max(1600).optional(),
  })
  .strict()
  .superRefine((n, ctx) => {
    if (!!n.to === !!n.userId) ctx.addIssue({ code: "custom", path: ["to"], message: "Give either `to` (a phone number) or `userId` (a business-scoped user id)" });
    if (!!n.template === !!n.text) ctx.addIssue({ code: "custom", path: ["template"], message: "Give either a `template` or a `text`" });
    if (n.smsText && !n.fallback) ctx.addIssue({ code: "custom", path: ["smsText"], message: "smsText is only used with fallback: \"sms\"" });
  });

export type NotificationInput = z.infer<typeof notificationInput>;
export type NotificationTemplateInput = z.infer<typeof notificationTemplate>;
