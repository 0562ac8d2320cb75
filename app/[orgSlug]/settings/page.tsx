import { redirect } from "next/navigation";

type Props = { params: Promise<{ orgSlug: string }> };

export default async function SettingsIndexPage({ params }: Props) {
  const { orgSlug } = await params;
  redirect(`/${orgSlug}/settings/organization`);
}
