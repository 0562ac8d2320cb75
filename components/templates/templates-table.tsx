import Link from "next/link";
import { useTranslations } from "next-intl";

import { DateTime } from "@/components/shared/date-time";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

import { TemplateCategory } from "./template-category";
import { TemplateQuality } from "./template-quality";
import { TemplateStatusBadge } from "./template-status-badge";

/** One channel's templates; each name opens the template's page (components and preview). */
export function TemplatesTable({ orgSlug, templates }: { orgSlug: string; templates: TemplateView[] }) {
  const t = useTranslations("templates");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("language")}</TableHead>
          <TableHead>{t("category")}</TableHead>
          <TableHead>{t("status")}</TableHead>
          <TableHead>{t("quality")}</TableHead>
          <TableHead>{t("lastSynced")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {templates.map((template) => (
          <TableRow key={template.id} data-testid="template-row" data-template={template.name}>
            <TableCell className="font-medium">
              <Link
                href={`/${orgSlug}/settings/templates/${template.id}`}
                className="font-mono text-xs underline-offset-4 hover:text-primary hover:underline"
              >
                {template.name}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-xs">{template.language}</TableCell>
            <TableCell>
              <TemplateCategory category={template.category} />
            </TableCell>
            <TableCell>
              <TemplateStatusBadge status={template.status} />
            </TableCell>
            <TableCell>
              <TemplateQuality quality={template.quality} />
            </TableCell>
            <TableCell className="text-muted-foreground">
              <DateTime value={template.updatedAt} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
