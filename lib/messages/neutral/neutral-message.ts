import { z } from "zod";

/**
 * The channel-neutral outbound message: what flows, the inbox, notifications and campaigns produce, whatever the
 * number (Cloud API, sandbox, Evolution). Each provider adapter (lib/messages/providers/) translates it into its
 * own request; nothing here knows a provider's wire format.
 *
 * Validated against WhatsApp's limits (shared/meta/REFERENCE.md §3) before any call, so a bad
 * message fails here with a readable path instead of as a 131009/100 from Meta. Lengths count characters (code
 * points), as WhatsApp does, not UTF-16 units.
 */
const chars = (max: number, what: string) =>
  z
    .string()
    .min(1, `${what} must not be empty`)
    .refine((s) => Array.from(s).length <= max, `${what} must be at most ${max} characters`);

export const LIMITS = {
  textBody: 4096,
  caption: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  interactiveBody: 1024,
  listBody: 4096,
  headerText: 60,
  footer: 60,
  listSections: 10,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  sectionTitle: 24,
  listButton: 20,
  ctaDisplayText: 20,
  callbackDataBytes: 512,
  templateName: 512,
} as const;

const mediaRef = z.union([
  z.object({ id: z.string().min(1) }).strict(),
  z.object({ link: z.url({ message: "Media link must be an http(s) URL" }) }).strict(),
], { message: "Media needs either an uploaded media id or a public link" });

export const textMessage = z.object({
  type: z.literal("text"),
  body: chars(LIMITS.textBody, "Text body"),
  previewUrl: z.boolean().optional(),
});

export const mediaMessage = z
  .object({
    type: z.enum(["image", "video", "audio", "document", "sticker"]),
    media: mediaRef,
    caption: chars(LIMITS.caption, "Caption").optional(),
    filename: z.string().min(1).max(240).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.caption && (m.type === "audio" || m.type === "sticker")) {
      ctx.addIssue({ code: "custom", path: ["caption"], message: `${m.type === "audio" ? "An audio" : "A sticker"} message cannot have a caption` });
    }
    if (m.filename && m.type !== "document") {
      ctx.addIssue({ code: "custom", path: ["filename"], message: "Only documents have a filename" });
    }
  });

export const locationMessage = z.object({
  type: z.literal("location"),
  latitude: z.coerce.number().min(-90).max(90),
  longitude: z.coerce.number().min(-180).max(180),
  name: z.string().max(1000).optional(),
  address: z.string().max(1000).optional(),
});

/** Contact cards follow Meta's shape; only the required name is checked, the rest passes through. */
export const contactsMessage = z.object({
  type: z.literal("contacts"),
  contacts: z
    .array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) }))
    .min(1, "Send at least one contact"),
});

export const reactionMessage = z.object({
  type: z.literal("reaction"),
  messageId: z.string().min(1),
  /** An empty string removes Papo's reaction. */
  emoji: z.string(),
});

const interactiveHeader = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: chars(LIMITS.headerText, "Header") }),
  z.object({ type: z.literal("image"), image: mediaRef }),
  z.object({ type: z.literal("video"), video: mediaRef }),
  z.object({ type: z.literal("document"), document: mediaRef }),
]);
const footer = chars(LIMITS.footer, "Footer");

export const buttonsMessage = z.object({
  type: z.literal("buttons"),
  header: interactiveHeader.optional(),
  body: chars(LIMITS.interactiveBody, "Body"),
  footer: footer.optional(),
  buttons: z
    .array(z.object({ id: chars(LIMITS.buttonId, "Button id"), title: chars(LIMITS.buttonTitle, "Button title") }))
    .min(1, "Add at least one button")
    .max(LIMITS.buttons, `WhatsApp allows at most ${LIMITS.buttons} reply buttons`)
    .refine((b) => new Set(b.map((x) => x.title)).size === b.length, "Button titles must be unique")
    .refine((b) => new Set(b.map((x) => x.id)).size === b.length, "Button ids must be unique"),
});

export const listMessage = z.object({
  type: z.literal("list"),
  header: chars(LIMITS.headerText, "Header").optional(),
  body: chars(LIMITS.listBody, "Body"),
  footer: footer.optional(),
  button: chars(LIMITS.listButton, "List button label"),
  sections: z
    .array(
      z.object({
        title: chars(LIMITS.sectionTitle, "Section title").optional(),
        rows: z
          .array(
            z.object({
              id: chars(LIMITS.rowId, "Row id"),
              title: chars(LIMITS.rowTitle, "Row title"),
              description: chars(LIMITS.rowDescription, "Row description").optional(),
            }),
          )
          .min(1, "Every section needs at least one row"),
      }),
    )
    .min(1, "Add at least one section")
    .max(LIMITS.listSections, `WhatsApp allows at most ${LIMITS.listSections} sections`)
    .superRefine((sections, ctx) => {
      const rows = sections.flatMap((s) => s.rows);
      if (rows.length > LIMITS.listRows) {
        ctx.addIssue({ code: "custom", message: `WhatsApp allows at most ${LIMITS.listRows} rows in a list (all sections together); this one has ${rows.length}` });
      }
      if (new Set(rows.map((r) => r.id)).size !== rows.length) ctx.addIssue({ code: "custom", message: "Row ids must be unique" });
      if (sections.length > 1 && sections.some((s) => !s.title)) {
        ctx.addIssue({ code: "custom", message: "Every section needs a title when a list has more than one" });
      }
    }),
});

export const ctaUrlMessage = z.object({
  type: z.literal("cta_url"),
  header: interactiveHeader.optional(),
  body: chars(LIMITS.interactiveBody, "Body"),
  footer: footer.optional(),
  displayText: chars(LIMITS.ctaDisplayText, "Button text"),
  url: z.url({ protocol: /^https?$/, message: "The button URL must be an http(s) URL" }),
});

const textParameter = z.object({ type: z.literal("text"), text: z.string().min(1), parameter_name: z.string().regex(/^[a-z0-9_]+$/).optional() });
const headerParameter = z.union([
  textParameter,
  z.object({ type: z.literal("image"), image: mediaRef }),
  z.object({ type: z.literal("video"), video: mediaRef }),
  z.object({ type: z.literal("document"), document: z.union([z.object({ id: z.string().min(1), filename: z.string().optional() }), z.object({ link: z.url(), filename: z.string().optional() })]) }),
  z.object({ type: z.literal("location"), location: z.looseObject({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) }) }),
]);
const bodyParameter = z.union([
  textParameter,
  z.looseObject({ type: z.literal("currency"), currency: z.looseObject({}) }),
  z.looseObject({ type: z.literal("date_time"), date_time: z.looseObject({}) }),
]);
const buttonComponent = z.object({
  type: z.literal("button"),
  sub_type: z.enum(["quick_reply", "url", "copy_code", "flow", "otp", "catalog", "voice_call"]),
  index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).transform(String),
  parameters: z.array(z.looseObject({ type: z.string() })),
});

/** Meta's template component shape (§4.3). Named templates set `parameter_name` on every text parameter. */
export const templateMessage = z.object({
  type: z.literal("template"),
  name: z.string().regex(/^[a-z0-9_]+$/, "Template names use lowercase letters, digits and _").max(LIMITS.templateName),
  language: z.string().min(2),
  components: z
    .array(
      z.discriminatedUnion("type", [
        z.object({ type: z.literal("header"), parameters: z.array(headerParameter).min(1) }),
        z.object({ type: z.literal("body"), parameters: z.array(bodyParameter).min(1) }),
        buttonComponent,
      ]),
    )
    .optional()
    .superRefine((components, ctx) => {
      const params: { type: string; parameter_name?: unknown }[] = (components ?? []).flatMap((c): { type: string; parameter_name?: unknown }[] => (c.type === "button" ? [] : c.parameters));
      const texts = params.filter((p) => p.type === "text");
      const named = texts.filter((p) => p.parameter_name).length;
      if (named > 0 && named !== texts.length) {
        ctx.addIssue({ code: "custom", message: "Mix of named and positional parameters: a named template needs parameter_name on every text parameter" });
      }
    }),
});

export const outboundMessage = z.discriminatedUnion("type", [
  textMessage,
  mediaMessage,
  locationMessage,
  contactsMessage,
  reactionMessage,
  buttonsMessage,
  listMessage,
  ctaUrlMessage,
  templateMessage,
]);

export type TextMessage = z.infer<typeof textMessage>;
export type MediaMessage = z.infer<typeof mediaMessage>;
export type LocationMessage = z.infer<typeof locationMessage>;
export type ContactsMessage = z.infer<typeof contactsMessage>;
export type ReactionMessage = z.infer<typeof reactionMessage>;
export type ButtonsMessage = z.infer<typeof buttonsMessage>;
export type ListMessage = z.infer<typeof listMessage>;
export type CtaUrlMessage = z.infer<typeof ctaUrlMessage>;
export type TemplateMessage = z.infer<typeof templateMessage>;
export type OutboundMessage = z.infer<typeof outboundMessage>;
/** Input before parsing (e.g. `index` as a number); what callers write. */
export type OutboundMessageInput = z.input<typeof outboundMessage>;

/** Only templates may be sent outside the customer-service window. */
export const isFreeform = (m: Pick<OutboundMessage, "type">) => m.type !== "template";
