import type { MockTemplate } from "./graph-mock";

/**
 * Meta's `message_template_status_update` webhook for a template the mock holds (shape of
 * /work/shared/meta/payloads/template_status_update_rejected_invalid_format.json), as the JSON text to sign and post.
 * Also moves the mock's template to that status, as Meta's review would.
 */
export function templateStatusWebhook(
  wabaId: string,
  template: MockTemplate,
  event: string,
  extra: { reason?: string; rejectionInfo?: { reason: string; recommendation?: string }; category?: string; time?: number } = {},
): string {
  template.status = event;
  if (extra.category) template.category = extra.category;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: wabaId,
        time: extra.time ?? Math.floor(Date.now() / 1000),
        changes: [
          {
            field: "message_template_status_update",
            value: {
              event,
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
              reason: extra.reason ?? "NONE",
              message_template_category: template.category,
              ...(extra.rejectionInfo && { rejection_info: extra.rejectionInfo }),
            },
          },
        ],
      },
    ],
  });
}
