import { redirect } from "next/navigation";

type Props = { params: Promise<{ orgSlug: string }> };

export default async function OrgHomePage({ params }: Props) {
  const { orgSlug } = await params;
  redirect(`/${orgSlug}/settings/organization`);
}
