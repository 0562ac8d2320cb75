import { redirect } from "next/navigation";

import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";

type Props = { params: Promise<{ orgSlug: string }> };

/**
 * Where an organization opens (after sign-in, or following a link to it): the inbox, where the work is. A new
 * organization with no WhatsApp number yet, or a member who may not read conversations, starts in Settings.
 */
export default async function OrgHomePage({ params }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (ctx.can("conversations.read") && (await listChannels(ctx.org.id)).length > 0) redirect(`/${ctx.org.slug}/inbox`);
  redirect(`/${ctx.org.slug}/settings/organization`);
}
