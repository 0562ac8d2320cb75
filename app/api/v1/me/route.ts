import { readJson, withUser } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { listUserOrganizations } from "@/lib/organizations/list-user-organizations";
import { findUserById } from "@/lib/users/find-user-by-id";
import { updateProfile, updateProfileInput } from "@/lib/users/update-profile";

export const GET = withUser(async ({ userId }) => {
  const user = await findUserById(userId);
  if (!user) throw notFound("User");
  return { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, organizations: await listUserOrganizations(userId) };
});

export const PATCH = withUser(async ({ req, userId }) => ({ user: await updateProfile(userId, await readJson(req, updateProfileInput)) }));
