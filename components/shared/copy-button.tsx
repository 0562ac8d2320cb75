"use client";

import * as React from "react";
import { CheckIcon, CopyIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button, type ButtonProps } from "@/components/ui/button";

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  value: string;
  /** Accessible name, e.g. "Copy webhook URL"; the visible text stays "Copy". */
  label?: string;
};

/** Copies a value to the clipboard, with a fallback for pages served over plain HTTP. */
export function CopyButton({ value, label, variant = "outline", size = "sm", ...props }: CopyButtonProps) {
  const t = useTranslations("common");
  const [copied, setCopied] = React.useState(false);

  React.useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      copyWithSelection(value);
    }
    setCopied(true);
  }

  return (
    <Button type="button" variant={variant} size={size} onClick={copy} aria-label={label} {...props}>
      {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
      {copied ? t("copied") : t("copy")}
    </Button>
  );
}

function copyWithSelection(value: string) {
  const textarea = document.createElement("textarea");
  textarea.value = value;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  textarea.select();
  try {
    document.execCommand("copy");
  } finally {
    textarea.remove();
  }
}
