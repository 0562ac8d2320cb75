"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { runStatuses } from "@/lib/runs/run-view";

type RunsFiltersProps = { functions: { id: string; name: string | null }[] };

/** Function and status filters, kept in the URL's search params so a filtered list can be shared and reloaded. */
export function RunsFilters({ functions }: RunsFiltersProps) {
  const t = useTranslations("runs");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (key: "functionId" | "status", value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  };

  return (
    <div className="flex flex-wrap gap-4">
      <div className="grid w-64 gap-2">
        <Label htmlFor="runs-function">{t("function")}</Label>
        <NativeSelect id="runs-function" value={params.get("functionId") ?? ""} onChange={(e) => set("functionId", e.target.value)}>
          <option value="">{t("allFunctions")}</option>
          {functions.map((fn) => (
            <option key={fn.id} value={fn.id}>
              {fn.name ?? fn.id}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid w-48 gap-2">
        <Label htmlFor="runs-status">{t("status")}</Label>
        <NativeSelect id="runs-status" value={params.get("status") ?? ""} onChange={(e) => set("status", e.target.value)}>
          <option value="">{t("allStatuses")}</option>
          {runStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
