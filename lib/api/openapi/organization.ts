import { z } from "zod";
import { defineRoutes } from "./define-route";
import { createApiKeyInput } from "@/lib/api-keys/create-api-key";
import { departmentInput } from "@/lib/inbox/save-department";
import { createInvitationInput } from "@/lib/invitations/create-invitation";
import { changeMemberRoleInput } from "@/lib/members/change-member-role";
import { updateOrganizationInput } from "@/lib/organizations/update-organization";

// The organization routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const presenceInput = z.object({ status: z.enum(["online", "away", "offline"]) });

export const departmentPatch = departmentInput.partial();

export const organizationRoutes = defineRoutes("organization", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}", summary: "List organization", access: "org.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}", summary: "Update organization", access: "org.update", body: updateOrganizationInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/api-keys", summary: "List api keys", access: "apiKeys.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/api-keys", summary: "Create api keys", access: "apiKeys.manage", body: createApiKeyInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/api-keys/{apiKeyId}", summary: "Delete api keys", access: "apiKeys.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/audit-log", summary: "List audit log", access: "audit.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/departments", summary: "List departments", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/departments", summary: "Create departments", access: "departments.manage", body: departmentInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/departments/{departmentId}", summary: "Update departments", access: "departments.manage", body: departmentPatch },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/departments/{departmentId}", summary: "Delete departments", access: "departments.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/invitations", summary: "List invitations", access: "members.invite" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/invitations", summary: "Create invitations", access: "members.invite", body: createInvitationInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/invitations/{invitationId}", summary: "Delete invitations", access: "members.invite" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/members", summary: "List members", access: "members.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/members/{membershipId}", summary: "Update members", access: "members.update", body: changeMemberRoleInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/members/{membershipId}", summary: "Delete members", access: "members.remove" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/presence", summary: "List presence", access: "conversations.read" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/presence", summary: "Set presence", access: "conversations.reply", body: presenceInput },
]);
