import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { sessionUserId } from "./actor";
import { loadOrgContext, type OrgContext } from "./org-context";

/** For pages: the signed-in person's id, or a redirect to sign-in that comes back here afterwards. */
export const requireUserPage = cache(async (returnTo = "/"): Promise<string> => {
  const userId = await sessionUserId();
  if (!userId) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return userId;
});

/**
 * The same organization guard the API uses, for pages: a non-member (or an unknown slug) gets the not-found page.
 * Cached per request so the layout and the page share one lookup.
 */
export const requireOrgPage = cache(async (orgSlug: string): Promise<OrgContext> => {
  const userId = await requireUserPage(`/${orgSlug}`);
  try {
    return await loadOrgContext({ type: "user", userId }, orgSlug);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
});
