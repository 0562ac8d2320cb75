"use client";

import * as React from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";

type Page = { next: string | null };

/**
 * Keyset pagination for server-rendered lists: the server renders the first page, older pages are fetched on
 * demand with the previous page's `next` cursor and appended.
 */
export function useOlderPages<P extends Page>(firstPage: P, fetchOlder: (before: string) => Promise<P>) {
  const [older, setOlder] = React.useState<P[]>([]);
  const next = older.length > 0 ? older[older.length - 1].next : firstPage.next;
  const mutation = useMutation({ mutationFn: fetchOlder, onSuccess: (page) => setOlder((pages) => [...pages, page]) });
  return {
    pages: [firstPage, ...older],
    /** The "Load more" control for these pages (nothing once the last page is in). */
    loadMore: <LoadMore next={next} pending={mutation.isPending} error={mutation.error} onLoad={(cursor) => mutation.mutate(cursor)} />,
  };
}

function LoadMore({ next, pending, error, onLoad }: { next: string | null; pending: boolean; error: unknown; onLoad: (cursor: string) => void }) {
  const t = useTranslations("common");
  return (
    <>
      <FormError error={error} />
      {next && (
        <div className="flex justify-center pb-2">
          <Button type="button" variant="outline" disabled={pending} onClick={() => onLoad(next)}>
            {pending ? t("loading") : t("loadMore")}
          </Button>
        </div>
      )}
    </>
  );
}
