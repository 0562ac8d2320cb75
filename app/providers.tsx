"use client";

import * as React from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { z } from "zod";

// zod probes for eval (`new Function`) to compile faster parsers; the page's CSP forbids eval, and the probe shows
// up as a CSP violation. Its interpreted parsers are enough in the browser.
z.config({ jitless: true });

/** Client-side context for the whole app: one react-query client per browser tab. */
export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = React.useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
