/** One audit-log entry as the page and the API hand it to the browser (dates as ISO strings). */
export type AuditEntry = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
  actorName: string | null;
  actorEmail: string | null;
  apiKeyName: string | null;
};

export type AuditPage = { entries: AuditEntry[]; next: string | null };

export const knownAuditActions = [
  "organization.created",
  "organization.updated",
  "member.invited",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "invitation.revoked",
  "channel.created",
  "channel.updated",
  "channel.deleted",
  "channel.verified",
  "channel.verification_failed",
  "channel.connection_lost",
  "channel.connection_restored",
  "channel_routing.updated",
  "api_key.created",
  "api_key.revoked",
  "run.cancelled",
  "run.replayed",
  "run.test_sent",
  "flow.created",
  "flow.updated",
  "flow.deleted",
  "flow.duplicated",
  "flow.imported",
  "flow.published",
  "flow.version_restored",
  "conversation.assign",
  "conversation.transfer",
  "conversation.note",
  "conversation.owner",
  "conversation.priority",
  "conversation.status",
  "conversation.tag",
  "conversation.untag",
  "contact.update",
  "contact.tag",
  "contact.untag",
  "canned_reply.create",
  "canned_reply.update",
  "canned_reply.delete",
  "department.create",
  "department.update",
  "department.delete",
  "tag.create",
  "tag.delete",
  "templates.sync_requested",
  "flow_settings.updated",
  "flow_global.saved",
  "flow_global.deleted",
] as const;

export type KnownAuditAction = (typeof knownAuditActions)[number];

export const knownTargetTypes = ["organization", "membership", "invitation", "channel", "api_key", "run", "event", "flow", "conversation", "contact", "canned_reply", "department", "tag", "flow_settings", "flow_global"] as const;

export type KnownTargetType = (typeof knownTargetTypes)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (knownAuditActions as readonly string[]).includes(action);
}

export function isKnownTargetType(type: string): type is KnownTargetType {
  return (knownTargetTypes as readonly string[]).includes(type);
}
