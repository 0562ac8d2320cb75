/** Paths the app itself uses at the top level; an organization slug must never shadow them. */
const RESERVED = new Set(["api", "sign-in", "sign-up", "sign-out", "invite", "settings", "new", "admin", "_next", "static", "public", "orgs", "health"]);

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  const slug = base || "org";
  return RESERVED.has(slug) ? `${slug}-org` : slug;
}
