"use client";

import { useRouter } from "next/navigation";
import { PlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/** Opens the "Add a WhatsApp number" page. A button (not a link) because it starts an action. */
export function AddChannelButton({ href }: { href: string }) {
  const t = useTranslations("channels");
  const router = useRouter();
  return (
    <Button type="button" onClick={() => router.push(href)} onPointerEnter={() => router.prefetch(href)}>
      <PlusIcon aria-hidden="true" />
      {t("add")}
    </Button>
  );
}
