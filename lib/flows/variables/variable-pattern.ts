/** `{{ name }}`, `{{contact.name}}`, `{{globals.x}}`, `{{system.now}}`, `{{order.items.0.id}}` (spaces allowed). */
export const VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

export const SYSTEM_VARIABLES = ["now", "channel", "last_input"] as const;

/**
 * Contact fields every contact has; `contact.<other>` reads the contact's attributes, where the organization's custom
 * fields keep their values by key (lib/contacts): `{{contact.plan}}`, `{{contact.age}}`.
 */
export const CONTACT_FIELDS = ["name", "first_name", "phone", "wa_id", "profile_name", "email"] as const;
