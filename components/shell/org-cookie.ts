/** Remembers the last organization a person opened, so "/" can take them back to it. */
export const ORG_COOKIE = "papo_org";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** Browser-side: set the remembered organization. */
export function rememberOrgSlug(slug: string) {
  document.cookie = `${ORG_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}
