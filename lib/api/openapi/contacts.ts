import { z } from "zod";
import { defineRoutes } from "./define-route";
import { bulkContactActionInput } from "@/lib/contacts/bulk-contact-action";
import { consentSettingsInput } from "@/lib/contacts/update-consent-settings";
import { consentInput, createContactInput, updateContactInput } from "@/lib/contacts/contact-input";
import { customFieldInput, customFieldPatch } from "@/lib/contacts/custom-field-input";
import { importOptionsInput } from "@/lib/contacts/import/import-options";
import { stageInput, stagePatch } from "@/lib/contacts/lifecycle-stages";
import { segmentInput, segmentPatch } from "@/lib/contacts/segments/segment-input";

// The contacts routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const contactEraseInput = z.object({ confirm: z.literal("ERASE", "Send confirm: \"ERASE\" to erase this contact's personal data") }).strict();

export const contactMergeInput = z.object({ sourceContactId: z.uuid() }).strict();

export const contactTagInput = z.object({ tagId: z.uuid() });

export const contactsRoutes = defineRoutes("contacts", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/consent-settings", summary: "Get the opt-out / opt-in keywords and confirmation texts", access: "contacts.read" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/consent-settings", summary: "Replace the opt-out / opt-in keywords and confirmation texts", access: "contacts.manage", body: consentSettingsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contact-exports", summary: "List contact exports", access: "contacts.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contact-fields", summary: "List contact fields", access: "contacts.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contact-fields", summary: "Create contact fields", access: "contacts.manage", body: customFieldInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/contact-fields/{fieldId}", summary: "Update contact fields", access: "contacts.manage", body: customFieldPatch },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/contact-fields/{fieldId}", summary: "Delete contact fields", access: "contacts.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contact-imports", summary: "Create contact imports", access: "contacts.manage", multipart: true, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contact-imports/{importId}", summary: "Get contact imports", access: "contacts.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contact-imports/{importId}/errors", summary: "List contact imports errors", access: "contacts.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contact-imports/{importId}/start", summary: "Create contact imports start", access: "contacts.manage", body: importOptionsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contacts", summary: "List contacts", access: "contacts.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts", summary: "Create contacts", access: "contacts.write", body: createContactInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts/bulk", summary: "Create contacts bulk", access: "contacts.manage", body: bulkContactActionInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contacts/count", summary: "List contacts count", access: "contacts.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}", summary: "Get contacts", access: "contacts.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}", summary: "Update contacts", access: "contacts.write", body: updateContactInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}", summary: "Delete contacts", access: "contacts.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/consent", summary: "List contacts consent", access: "contacts.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/consent", summary: "Create contacts consent", access: "contacts.write", body: consentInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/erase", summary: "Create contacts erase", access: "contacts.manage", body: contactEraseInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/merge", summary: "Create contacts merge", access: "contacts.manage", body: contactMergeInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/tags", summary: "Create contacts tags", access: "contacts.write", body: contactTagInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/tags/{tagId}", summary: "Delete contacts tags", access: "contacts.write" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/contacts/{contactId}/timeline", summary: "List contacts timeline", access: "contacts.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/lifecycle-stages", summary: "List lifecycle stages", access: "contacts.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/lifecycle-stages", summary: "Create lifecycle stages", access: "contacts.manage", body: stageInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/lifecycle-stages/{stageId}", summary: "Update lifecycle stages", access: "contacts.manage", body: stagePatch },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/lifecycle-stages/{stageId}", summary: "Delete lifecycle stages", access: "contacts.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/segments", summary: "List segments", access: "contacts.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/segments", summary: "Create segments", access: "contacts.manage", body: segmentInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/segments/{segmentId}", summary: "Get segments", access: "contacts.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/segments/{segmentId}", summary: "Update segments", access: "contacts.manage", body: segmentPatch },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/segments/{segmentId}", summary: "Delete segments", access: "contacts.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/segments/{segmentId}/count", summary: "List segments count", access: "contacts.read" },
]);
