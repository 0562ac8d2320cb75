"use client";

import * as React from "react";
import { useRouter } from "next/navigation";

/** Re-renders the page from the server every few seconds while a run is still going, so its steps appear as they finish. */
export function AutoRefresh({ everyMs = 2000 }: { everyMs?: number }) {
  const router = useRouter();
  React.useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
