import type { Role } from "@/db/schema";

/**
 * Everything a member can be allowed to do, as strings. Handlers, pages and the UI ask `can(permission)`;
 * nothing outside this file compares roles.
 */
export const permissions = [
  "org.read",
  "org.update",
  "members.read",
  "members.invite",
  "members.update",
  "members.remove",
  "members.manageOwners",
  "channels.read",
  "channels.manage",
  "apiKeys.manage",
  "audit.read",
  "departments.read",
  "departments.manage",
  "contacts.read",
  "contacts.write",
  /**
   * Contacts (issue #12): viewers read; agents edit contacts of conversations they may act on (contacts.write, the
   * agent rule in lib/contacts/assert-can-edit-contact.ts); contacts.manage lifts that rule and allows delete, erase,
   * merge, custom fields, lifecycle stages and consent settings, and the contacts page's whole-audience tools
   * (bulk actions, segments, CSV import and export).
   */
  "contacts.manage",
  "conversations.read",
  "conversations.reply",
  /** Inbox (lib/inbox/README.md): agents act on unassigned and own conversations; manageAll lifts that limit. */
  "conversations.assign",
  "conversations.manage",
  "conversations.manageAll",
  "notes.write",
  "canned_replies.manage",
  "tags.manage",
  /** The durable-function runs and events of the organization (Settings → Runs / Events). */
  "runs.read",
  "runs.manage",
  /** Message templates mirrored from Meta: list them (everyone), sync them (owners and admins). */
  "templates.read",
  "templates.manage",
  /** Write templates: submit, edit, duplicate and delete them at Meta (owners and admins). */
  "templates.write",
  /** Chatbot flows: everyone may open them (agents see what the bot says); owners and admins edit and publish. */
  "flows.read",
  "flows.manage",
  /** Play a customer on a sandbox number (its phone page posts simulated inbound messages): a write, so not viewers. */
  "sandbox.simulate",
  /** Spend (lib/spend/README.md): what Meta charges, the budget and the rate cards — owners and admins. */
  "spend.read",
  "spend.manage",
  /**
   * Analytics (lib/analytics/README.md): the overview every member lands on, the agents and flows reports. Spend
   * figures on the overview still need spend.read.
   */
  "analytics.read",
  /** The notifications API and direct SMS (issue #13): systems that notify customers, through an admin's API key. */
  "notifications.send",
  /** The SMS gateway and the named connections flows use (Settings → SMS gateway / Integrations): secrets, so admins. */
  "integrations.manage",
  /**
   * Appointments (lib/appointments): everyone sees them; agents (the front desk) book, move and cancel them; owners
   * and admins configure the reminders (offsets, templates, reschedule flow).
   */
  "appointments.read",
  "appointments.manage",
  "appointments.configure",
] as const;

export type Permission = (typeof permissions)[number];

const viewer: Permission[] = ["org.read", "channels.read", "departments.read", "contacts.read", "conversations.read", "templates.read", "flows.read", "analytics.read", "appointments.read"];
const agent: Permission[] = [...viewer, "contacts.write", "conversations.reply", "conversations.assign", "conversations.manage", "notes.write", "sandbox.simulate", "appointments.manage"];
const admin: Permission[] = permissions.filter((p) => p !== "members.manageOwners");

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(permissions),
  admin: new Set(admin),
  agent: new Set(agent),
  viewer: new Set(viewer),
};

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}

export const roles: Role[] = ["owner", "admin", "agent", "viewer"];
