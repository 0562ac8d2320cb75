/**
 * What {{…}} can read while a flow runs. `contact` holds the contact's fields and custom attributes flattened
 * (name, first_name, phone, wa_id, profile_name, …); `system` the current time, the channel's name and the
 * customer's last message.
 */
export type VariableScope = {
  variables: Record<string, unknown>;
  contact: Record<string, unknown>;
  globals: Record<string, string>;
  system: { now: string; channel: string; last_input: string };
};
