import { readJson, withPublic } from "@/lib/api/route";
import { signUp, signUpInput } from "@/lib/users/sign-up";

export const POST = withPublic(async ({ req }) => {
  const { user, organization } = await signUp(await readJson(req, signUpInput));
  return Response.json(
    { user: { id: user.id, email: user.email, name: user.name }, organization: { id: organization.id, slug: organization.slug, name: organization.name } },
    { status: 201 },
  );
});
