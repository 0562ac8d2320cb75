"use client";

import { useTranslations } from "next-intl";

import { RESERVED_EXIT_IDS, type ExitHandle } from "@/lib/flows/nodes/exit-handle";

/** Item exits show their item's title; fixed exits ("next", "else", …) are translated by id. */
export function useExitLabel() {
  const t = useTranslations("flowEditor.exits");
  return (exit: ExitHandle): string => {
    if (RESERVED_EXIT_IDS.has(exit.id)) return t(exit.id as "next");
    return exit.label?.trim() || t("untitled");
  };
}
