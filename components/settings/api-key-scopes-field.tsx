"use client";

import { useTranslations } from "next-intl";

import { FieldError } from "@/components/ui/field-error";
import { allScopes } from "@/lib/api-keys/scopes";

const areas = [...new Set(allScopes.map((s) => s.split(":")[0]))];

type ApiKeyScopesFieldProps = { value: string[] | null; onChange: (next: string[] | null) => void; error?: string | null };

/** Everything the role allows (null), or a chosen set of `area:read` / `area:write` scopes, one row per area. */
export function ApiKeyScopesField({ value, onChange, error }: ApiKeyScopesFieldProps) {
  const t = useTranslations("apiKeys.create");
  const toggle = (scope: string, on: boolean) => onChange(on ? [...(value ?? []), scope] : (value ?? []).filter((s) => s !== scope));
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">{t("access")}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="api-key-access" className="size-4 accent-primary" checked={value === null} onChange={() => onChange(null)} />
        {t("accessRole")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="api-key-access" className="size-4 accent-primary" checked={value !== null} onChange={() => onChange(value ?? [])} />
        {t("accessScopes")}
      </label>
      {value !== null && (
        <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border p-2" data-testid="api-key-scopes">
          {areas.map((area) => (
            <div key={area} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <code className="font-mono text-xs">{area}</code>
              <div className="flex gap-3">
                {(["read", "write"] as const)
                  .filter((level) => allScopes.includes(`${area}:${level}`))
                  .map((level) => {
                    const scope = `${area}:${level}`;
                    return (
                      <label key={scope} className="flex items-center gap-1">
                        <input type="checkbox" className="size-4 accent-primary" checked={value.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} aria-label={scope} />
                        {t(level)}
                      </label>
                    );
                  })}
              </div>
            </div>
          ))}
        </div>
      )}
      <FieldError id="api-key-scopes-error" message={error} />
    </fieldset>
  );
}
