import { z } from "zod";
import { defineRoutes } from "./define-route";
import { templateDraftSchema } from "@/lib/whatsapp/templates/draft/template-draft-schema";

// The templates routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const templateSubmitInput = templateDraftSchema.extend({ channelId: z.string().min(1).max(100) });

export const templateDuplicateInput = z.object({
  name: z.string().min(1).max(512),
  /** Another language keeps the name: that is how a template gets more languages. */
  language: z.string().min(2).max(20).optional(),
  channelId: z.string().min(1).max(100).optional(),
});

export const templatesRoutes = defineRoutes("templates", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/templates", summary: "List templates", access: "templates.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/templates", summary: "Create templates", access: "templates.write", body: templateSubmitInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/templates/{templateId}", summary: "Get templates", access: "templates.read" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/templates/{templateId}", summary: "Set templates", access: "templates.write", body: templateDraftSchema },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/templates/{templateId}", summary: "Delete templates", access: "templates.write" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/templates/{templateId}/duplicate", summary: "Create templates duplicate", access: "templates.write", body: templateDuplicateInput, idempotent: true },
]);
