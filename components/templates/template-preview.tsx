import * as React from "react";
import {
  CopyIcon,
  ExternalLinkIcon,
  FileTextIcon,
  ImageIcon,
  KeyRoundIcon,
  MapPinIcon,
  PhoneIcon,
  ReplyIcon,
  VideoIcon,
  WorkflowIcon,
} from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import { countTemplateParameters, type TemplateSlot } from "@/lib/whatsapp/templates/count-template-parameters";
import type { TemplateView } from "@/lib/whatsapp/templates/template-view";

export type TemplateParameters = Record<string, string> | string[];

export type TemplatePreviewProps = {
  template: TemplateView;
  /**
   * Values for the placeholders; anything missing shows as its `{{placeholder}}`.
   * - An object: keyed by placeholder name (`first_name`, `1`), which fills it in header and body alike, or by
   *   `header.<name>` / `body.<name>` to target one component, and `button.<index>` for a button's parameter (the
   *   URL suffix, the coupon code). A media header takes its link as `header.image` (`.video`, `.document`).
   * - An array: the values in the order of `template.parameters` (header, body, then buttons), i.e. what a send's
   *   components carry in order.
   */
  parameters?: TemplateParameters;
  className?: string;
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : "");

type Lookup = (component: "header" | "body" | "button", name: string, index?: number) => string | undefined;

/**
 * A template as the contact's phone shows it: header (text or media), body, footer and buttons, with the given
 * parameter values put in place of the placeholders (the ones without a value stay visible as `{{name}}`). Pure
 * rendering, no data fetching: the Templates page and the inbox composer pass the TemplateView they already have.
 */
export function TemplatePreview({ template, parameters, className }: TemplatePreviewProps) {
  const t = useTranslations("templates.preview");
  const lookup = React.useMemo(() => makeLookup(template, parameters), [template, parameters]);
  const components = template.components.filter(isObj);
  const header = components.find((c) => upper(c.type) === "HEADER");
  const body = components.find((c) => upper(c.type) === "BODY");
  const footer = components.find((c) => upper(c.type) === "FOOTER");
  const buttons = (components.find((c) => upper(c.type) === "BUTTONS")?.buttons as unknown[] | undefined)?.filter(isObj) ?? [];

  return (
    <div
      data-slot="template-preview"
      data-template={template.name}
      className={cn("w-full max-w-sm rounded-lg rounded-tl-none bg-white text-sm text-neutral-900 shadow-sm ring-1 ring-black/5", className)}
    >
      <div className="grid gap-1.5 px-3 py-2">
        {header && <Header header={header} lookup={lookup} />}
        {body && (
          <p data-slot="template-body" className="whitespace-pre-wrap break-words">
            {fill(str(body.text), "body", lookup)}
          </p>
        )}
        {!header && !body && <p className="italic text-neutral-500">{t("noContent")}</p>}
        {footer && (
          <p data-slot="template-footer" className="text-xs text-neutral-500">
            {str(footer.text)}
          </p>
        )}
      </div>
      {buttons.length > 0 && (
        <ul className="grid border-t">
          {buttons.map((b, index) => (
            <li key={index} data-slot="template-button" className="border-b last:border-b-0">
              <TemplateButton button={b} index={index} lookup={lookup} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Header({ header, lookup }: { header: Obj; lookup: Lookup }) {
  const t = useTranslations("templates.preview");
  const format = upper(header.format) || "TEXT";
  if (format === "TEXT") {
    return (
      <p data-slot="template-header" className="font-semibold">
        {fill(str(header.text), "header", lookup)}
      </p>
    );
  }
  const kind = format.toLowerCase();
  const Icon = { IMAGE: ImageIcon, VIDEO: VideoIcon, DOCUMENT: FileTextIcon, LOCATION: MapPinIcon }[format] ?? FileTextIcon;
  const link = lookup("header", kind);
  return (
    <div data-slot="template-header" className="-mx-1 grid gap-1 rounded-md bg-neutral-100 p-3 text-neutral-500">
      <span className="flex items-center justify-center gap-2 text-xs font-medium">
        <Icon aria-hidden="true" className="size-5" />
        {t(`media.${kind}` as "media.image")}
      </span>
      {link && <span className="truncate text-center text-[11px]">{link}</span>}
    </div>
  );
}

function TemplateButton({ button: b, index, lookup }: { button: Obj; index: number; lookup: Lookup }) {
  const t = useTranslations("templates.preview");
  const type = upper(b.type);
  const Icon =
    { QUICK_REPLY: ReplyIcon, URL: ExternalLinkIcon, PHONE_NUMBER: PhoneIcon, COPY_CODE: CopyIcon, OTP: KeyRoundIcon, FLOW: WorkflowIcon }[type] ??
    ReplyIcon;
  const label = str(b.text) ?? (type === "COPY_CODE" ? t("copyCode") : type === "OTP" ? t("copyCode") : type);
  const detail =
    type === "URL" ? fill(str(b.url), "button", lookup, index) : type === "PHONE_NUMBER" ? str(b.phone_number) : type === "COPY_CODE" ? lookup("button", "code", index) : undefined;
  return (
    <div data-button-type={type.toLowerCase()} className="flex flex-col items-center gap-0.5 px-3 py-1.5 text-center">
      <span className="flex items-center gap-1.5 font-medium text-sky-600">
        <Icon aria-hidden="true" className="size-4" />
        {label}
      </span>
      {detail && <span className="max-w-full truncate text-[11px] text-neutral-500">{detail}</span>}
    </div>
  );
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The text with each placeholder replaced by its value, or kept (highlighted) when there is none. */
function fill(text: string | undefined, component: "header" | "body" | "button", lookup: Lookup, index?: number): React.ReactNode[] {
  if (!text) return [];
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out.push(text.slice(last, m.index));
    const value = lookup(component, m[1], index);
    out.push(
      value ? (
        <span key={`${m.index}`} data-slot="template-parameter" data-placeholder={m[1]} className="font-medium">
          {value}
        </span>
      ) : (
        <span key={`${m.index}`} data-slot="template-placeholder" data-placeholder={m[1]} className="rounded bg-amber-100 px-0.5 font-mono text-[0.85em] text-amber-900">
          {`{{${m[1]}}}`}
        </span>
      ),
    );
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

function slotKey(s: TemplateSlot): string {
  return s.component === "button" ? `button.${s.index}` : `${s.component}.${s.name}`;
}

function makeLookup(template: TemplateView, parameters: TemplateParameters | undefined): Lookup {
  if (!parameters) return () => undefined;
  let byKey: Record<string, string | undefined>;
  if (Array.isArray(parameters)) {
    const required = countTemplateParameters(template.components).slots.filter((s) => !s.optional);
    byKey = Object.fromEntries(required.map((s, i) => [slotKey(s), parameters[i]]));
  } else {
    byKey = parameters;
  }
  const nonEmpty = (v: string | undefined) => (v && v.trim() !== "" ? v : undefined);
  return (component, name, index) => {
    // A button has one parameter, whatever its URL's placeholder is called: never the body's {{1}}.
    if (component === "button") return nonEmpty(byKey[`button.${index}`]);
    return nonEmpty(byKey[`${component}.${name}`]) ?? (Array.isArray(parameters) ? undefined : nonEmpty(byKey[name]));
  };
}
