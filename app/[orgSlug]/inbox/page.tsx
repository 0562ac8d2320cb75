import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";

import { InboxApp } from "@/components/inbox/inbox-app";
import { AccessDenied } from "@/components/shell/access-denied";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { permissions } from "@/lib/auth/permissions";
import { listChannels } from "@/lib/channels/list-channels";
import { findUserById } from "@/lib/users/find-user-by-id";

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ c?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

/**
 * The shared inbox. Everything after the first paint is client-side and live (components/inbox); the server hands
 * over who is looking, what they may do (permission strings, so the UI hides what the API would refuse) and the
 * channels for the filter.
 */
export default async function InboxPage({ params, searchParams }: Props) {
  const ctx = await requireOrgPage((await params).orgSlug);
  if (!ctx.can("conversations.read")) return <AccessDenied />;
  const userId = ctx.userId;
  if (!userId) notFound();
  const [user, channels] = await Promise.all([findUserById(userId), ctx.can("channels.read") ? listChannels(ctx.org.id) : []]);
  if (!user) notFound();
  const c = (await searchParams).c;
  const initialConversationId = typeof c === "string" && z.uuid().safeParse(c).success ? c : null;
  return (
    <InboxApp
      slug={ctx.org.slug}
      me={{ id: userId, name: user.name }}
      permissions={permissions.filter((p) => ctx.can(p))}
      channels={channels.map((ch) => ({ id: ch.id, name: ch.name, provider: ch.provider, displayPhoneNumber: ch.displayPhoneNumber, connectionState: ch.connectionState }))}
      initialConversationId={initialConversationId}
    />
  );
}
