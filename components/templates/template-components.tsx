import { useTranslations } from "next-intl";

import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : "");

/** The template's definition as Meta holds it, component by component, placeholders as written. */
export function TemplateComponents({ template }: { template: TemplateView }) {
  const t = useTranslations("templates.components");
  const components = template.components.filter(isObj);
  if (components.length === 0) return <p className="text-sm text-muted-foreground">{t("none")}</p>;
  return (
    <dl className="grid gap-4 text-sm">
      {components.map((c, i) => {
        const type = upper(c.type);
        const known = ["HEADER", "BODY", "FOOTER", "BUTTONS"].includes(type);
        return (
          <div key={i} className="grid gap-1" data-testid="template-component" data-component={type.toLowerCase()}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              {known ? t(type as "BODY") : type}
              {type === "HEADER" && <span className="font-normal normal-case"> · {upper(c.format) || "TEXT"}</span>}
            </dt>
            <dd className="grid gap-1">
              {typeof c.text === "string" && <p className="whitespace-pre-wrap rounded-md bg-muted px-3 py-2 font-mono text-xs">{c.text}</p>}
              {type === "BUTTONS" && Array.isArray(c.buttons) && (
                <ul className="grid gap-1">
                  {c.buttons.filter(isObj).map((b, j) => (
                    <li key={j} className="rounded-md bg-muted px-3 py-2 font-mono text-xs">
                      {j} · {upper(b.type)}
                      {typeof b.text === "string" && ` · ${b.text}`}
                      {typeof b.url === "string" && ` · ${b.url}`}
                      {typeof b.phone_number === "string" && ` · ${b.phone_number}`}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
