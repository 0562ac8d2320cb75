import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SandboxPhone } from "@/components/sandbox/sandbox-phone";
import { PageHeader } from "@/components/shell/page-header";
import { loadOrgContext } from "@/lib/auth/org-context";
import { requireUserPage } from "@/lib/auth/page-guard";
import { getSandboxChannelForUser } from "@/lib/sandbox/get-sandbox-channel-for-user";

type Props = { params: Promise<{ channelId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sandbox");
  return { title: t("title") };
}

/** The sandbox phone: members of the channel's organization play customers; anyone else gets the not-found page. */
export default async function SandboxPhonePage({ params }: Props) {
  const { channelId } = await params;
  const userId = await requireUserPage(`/sandbox/${channelId}`);
  const found = await getSandboxChannelForUser(userId, channelId);
  if (!found) notFound();
  const { channel, org } = found;
  const [ctx, t] = await Promise.all([loadOrgContext({ type: "user", userId }, org.slug), getTranslations("sandbox")]);
  return (
    <main className="mx-auto w-full max-w-5xl p-6">
      <PageHeader title={t("title")} description={t("description", { name: channel.name, number: channel.displayPhoneNumber })} />
      <SandboxPhone
        orgSlug={org.slug}
        channel={{ id: channel.id, name: channel.name, displayPhoneNumber: channel.displayPhoneNumber }}
        canSimulate={ctx.can("sandbox.simulate")}
      />
    </main>
  );
}
