import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { ORG_COOKIE } from "@/components/shell/org-cookie";
import { sessionUserId } from "@/lib/auth/actor";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";

/** "/" is a switchboard: the remembered organization, else the first one, else create one. */
export default async function HomePage() {
  const userId = await sessionUserId();
  if (!userId) redirect("/sign-in");

  const organizations = await listUserOrganizations(userId);
  const remembered = (await cookies()).get(ORG_COOKIE)?.value;
  const target = organizations.find((org) => org.slug === remembered) ?? organizations[0];
  redirect(target ? `/${target.slug}` : "/orgs/new");
}
