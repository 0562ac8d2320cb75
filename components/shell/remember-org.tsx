"use client";

import * as React from "react";

import { rememberOrgSlug } from "./org-cookie";

/** Renders nothing; remembers the organization being viewed so "/" returns to it next time. */
export function RememberOrg({ slug }: { slug: string }) {
  React.useEffect(() => {
    rememberOrgSlug(slug);
  }, [slug]);
  return null;
}
