import { defineRoutes } from "./define-route";
import { createOrganizationInput } from "@/lib/organizations/create-organization";
import { changePasswordInput } from "@/lib/users/change-password";
import { signUpInput } from "@/lib/users/sign-up";
import { updateProfileInput } from "@/lib/users/update-profile";

// The account routes of the v1 API: the body schemas here are the objects the handlers validate with.

export const accountRoutes = defineRoutes("account", [
  { method: "get", path: "/api/v1/openapi.json", summary: "This OpenAPI document", access: "public" },
  { method: "get", path: "/api/v1/invitations/{token}", summary: "Get v1 invitations", access: "public" },
  { method: "post", path: "/api/v1/invitations/{token}/accept", summary: "Create invitations accept", access: "user" },
  { method: "get", path: "/api/v1/me", summary: "List v1 me", access: "user" },
  { method: "patch", path: "/api/v1/me", summary: "Update v1 me", access: "user", body: updateProfileInput },
  { method: "post", path: "/api/v1/me/password", summary: "Create me password", access: "user", body: changePasswordInput },
  { method: "get", path: "/api/v1/orgs", summary: "List v1 orgs", access: "user" },
  { method: "post", path: "/api/v1/orgs", summary: "Create v1 orgs", access: "user", body: createOrganizationInput },
  { method: "post", path: "/api/v1/signup", summary: "Create v1 signup", access: "public", body: signUpInput },
]);
