import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { RoleBadge } from "@/components/shared/role-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Role } from "@/db/schema";

import { RevokeApiKeyButton } from "./revoke-api-key-button";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[] | null;
  expiresAt: Date | string | null;
  lastUsedAt: Date | string | null;
  createdAt: Date | string;
};

/** `revocableRoles`: the roles the caller could grant (assignableRoles); the server refuses the others. */
type ApiKeysTableProps = { orgSlug: string; apiKeys: ApiKeyRow[]; revocableRoles: Role[] };

export function ApiKeysTable({ orgSlug, apiKeys, revocableRoles }: ApiKeysTableProps) {
  const t = useTranslations();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("apiKeys.name")}</TableHead>
          <TableHead>{t("apiKeys.key")}</TableHead>
          <TableHead>{t("apiKeys.role")}</TableHead>
          <TableHead>{t("apiKeys.scopes")}</TableHead>
          <TableHead>{t("apiKeys.expires")}</TableHead>
          <TableHead>{t("apiKeys.lastUsed")}</TableHead>
          <TableHead>{t("apiKeys.created")}</TableHead>
          <TableHead className="text-right">
            <span className="sr-only">{t("apiKeys.actions")}</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {apiKeys.map((apiKey) => (
          <TableRow key={apiKey.id}>
            <TableCell className="font-medium">{apiKey.name}</TableCell>
            <TableCell>
              <code className="font-mono text-xs text-muted-foreground">{apiKey.prefix}…</code>
            </TableCell>
            <TableCell>
              <RoleBadge role={apiKey.role} />
            </TableCell>
            <TableCell className="max-w-64 text-xs text-muted-foreground">
              {apiKey.scopes ? <span className="font-mono break-words">{apiKey.scopes.join(", ")}</span> : t("apiKeys.allScopes")}
            </TableCell>
            <TableCell className="text-muted-foreground">
              {apiKey.expiresAt ? <DateTime value={apiKey.expiresAt} format="date" /> : t("common.never")}
            </TableCell>
            <TableCell className="text-muted-foreground">
              {apiKey.lastUsedAt ? <DateTime value={apiKey.lastUsedAt} /> : t("common.never")}
            </TableCell>
            <TableCell className="text-muted-foreground">
              <DateTime value={apiKey.createdAt} format="date" />
            </TableCell>
            <TableCell className="text-right">
              {revocableRoles.includes(apiKey.role) && <RevokeApiKeyButton orgSlug={orgSlug} apiKeyId={apiKey.id} name={apiKey.name} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
