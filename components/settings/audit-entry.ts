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
  "api_key.created",
  "api_key.revoked",
  "run.cancelled",
  "run.replayed",
  "run.test_sent",
] as const;

export type KnownAuditAction = (typeof knownAuditActions)[number];

export const knownTargetTypes = ["organization", "membership", "invitation", "channel", "api_key", "run", "event"] as const;

export type KnownTargetType = (typeof knownTargetTypes)[number];

export function isKnownAuditAction(action: string): action is KnownAuditAction {
  return (knownAuditActions as readonly string[]).includes(action);
}

export function isKnownTargetType(type: string): type is KnownTargetType {
  return (knownTargetTypes as readonly string[]).includes(type);
}
