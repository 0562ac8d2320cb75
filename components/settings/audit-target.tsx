import { useTranslations } from "next-intl";

import { isKnownTargetType, type AuditEntry } from "./audit-entry";

const roles = ["owner", "admin", "agent", "viewer"] as const;
type Role = (typeof roles)[number];
const isRole = (value: unknown): value is Role => typeof value === "string" && (roles as readonly string[]).includes(value);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

/** What an audit entry acted on: its kind, and the most telling detail recorded with it. */
export function AuditTarget({ entry }: { entry: AuditEntry }) {
  const t = useTranslations();
  const { metadata } = entry;
  const type = isKnownTargetType(entry.targetType) ? t(`auditLog.targetTypes.${entry.targetType}`) : entry.targetType;
  const detail = text(metadata.email) ?? text(metadata.name) ?? text(metadata.to) ?? entry.targetId;
  const roleChange =
    entry.action === "member.role_changed" && isRole(metadata.from) && isRole(metadata.to)
      ? t("auditLog.roleChange", { from: t(`roles.${metadata.from}`), to: t(`roles.${metadata.to}`) })
      : null;

  return (
    <div className="grid gap-0.5">
      <span className="text-xs text-muted-foreground">{type}</span>
      {detail && <span className="max-w-64 truncate" title={detail}>{detail}</span>}
      {roleChange && <span className="text-xs text-muted-foreground">{roleChange}</span>}
    </div>
  );
}
