import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { cn } from "@/components/ui/cn";

/** Overview · Agents · Flows: the three analytics pages, one under the other in the URL. */
export async function AnalyticsTabs({ orgSlug, current }: { orgSlug: string; current: "overview" | "agents" | "flows" }) {
  const t = await getTranslations("analytics.tabs");
  const tabs = [
    { key: "overview", href: `/${orgSlug}/overview` },
    { key: "agents", href: `/${orgSlug}/overview/agents` },
    { key: "flows", href: `/${orgSlug}/overview/flows` },
  ] as const;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-1 border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm", tab.key === current ? "border-primary font-medium" : "border-transparent text-muted-foreground hover:text-foreground")}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
