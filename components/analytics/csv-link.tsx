import { DownloadIcon } from "lucide-react";

import { Button } from "@/components/ui/button";

/** A "Download CSV" link to the analytics export for one report and the current range. */
export function CsvLink({ orgSlug, report, query, label }: { orgSlug: string; report: "series" | "channels" | "agents" | "flows"; query: string; label: string }) {
  return (
    <Button asChild variant="outline" size="sm">
      <a href={`/api/v1/orgs/${orgSlug}/analytics/export?report=${report}&${query}`} download data-testid={`csv-${report}`}>
        <DownloadIcon aria-hidden="true" />
        {label}
      </a>
    </Button>
  );
}
