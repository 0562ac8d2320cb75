import { useTranslations } from "next-intl";

import type { Role } from "@/db/schema";
import { Badge } from "@/components/ui/badge";

/** A member's or API key's role, translated. */
export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("roles");
  return (
    <Badge variant={role === "owner" || role === "admin" ? "secondary" : "outline"}>{t(role)}</Badge>
  );
}
