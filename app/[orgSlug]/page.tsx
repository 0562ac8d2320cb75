import { redirect } from "next/navigation";

import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";

type Props = { params: Promise<{ orgSlug: string }> };

/**
 * Where an organization opens (after sign-in, or following a link to it): the overview, how things are going. A new
 * organization with no WhatsApp number yet starts in Settings (there is nothing to measure until a number is
 * connected); a member who may not read analytics, in the inbox when they may read it.
 */
export default async function OrgHomePage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if ((await listChannels(ctx.org.id)).length > 0) {
    if (ctx.can("analytics.read")) redirect(`/${ctx.org.slug}/overview`);
    if (ctx.can("conversations.read")) redirect(`/${ctx.org.slug}/inbox`);
  }
  redirect(`/${ctx.org.slug}/settings/organization`);
}
