import { z } from "zod";
import { defineRoutes } from "./define-route";
import { updateInboxSettingsInput } from "@/lib/inbox/inbox-settings";
import { cannedReplyInput } from "@/lib/inbox/save-canned-reply";
import { outboundMessage } from "@/lib/whatsapp/graph/message-schema";

// The conversations routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const cannedReplyPatch = cannedReplyInput.partial();

export const noteInput = z.object({ body: z.string().trim().min(1, "Write the note").max(4000) });

export const priorityInput = z.object({ priority: z.enum(["low", "normal", "high", "urgent"]) });

export const assignInput = z
  .object({
    assigneeId: z.uuid().nullable().optional(),
    departmentId: z.uuid().nullable().optional(),
    note: z.string().trim().max(4000).optional(),
  })
  .refine((v) => v.assigneeId !== undefined || v.departmentId !== undefined, { message: "Name an agent or a department", path: ["assigneeId"] });

export const ownerInput = z.object({ owner: z.enum(["human", "bot"]) });

export const replyInput = z.union([
  z.object({ text: z.string().trim().min(1, "Write a message").max(4096, "A message has at most 4096 characters") }).strict(),
  z.object({
    message: outboundMessage,
    replyTo: z.string().min(1).max(200).optional(),
    idempotencyKey: z.string().min(8).max(200).optional(),
  }),
]);

export const statusInput = z.object({ status: z.enum(["open", "pending", "closed"]) });

export const conversationTagInput = z.object({ tagId: z.uuid() });

export const tagInput = z.object({ name: z.string().trim().min(1, "Name the tag").max(40), color: z.string().trim().regex(/^[a-z]{3,12}$|^#[0-9a-f]{6}$/i).optional() });

export const conversationsRoutes = defineRoutes("conversations", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/inbox-settings", summary: "Get the inbox settings (a reply assigns an unassigned conversation)", access: "conversations.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/inbox-settings", summary: "Update the inbox settings", access: "org.update", body: updateInboxSettingsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/attachments/{attachmentId}", summary: "Get attachments", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/canned-replies", summary: "List canned replies", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/canned-replies", summary: "Create canned replies", access: "canned_replies.manage", body: cannedReplyInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/canned-replies/{cannedReplyId}", summary: "Update canned replies", access: "canned_replies.manage", body: cannedReplyPatch },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/canned-replies/{cannedReplyId}", summary: "Delete canned replies", access: "canned_replies.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/conversations", summary: "List conversations", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/conversations/counts", summary: "List conversations counts", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}", summary: "Get conversations", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/assign", summary: "Create conversations assign", access: "conversations.assign", body: assignInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/attachments", summary: "Create conversations attachments", access: "conversations.reply", multipart: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/messages", summary: "Create conversations messages", access: "conversations.reply", body: replyInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/messages/{messageId}/retry", summary: "Create messages retry", access: "conversations.reply" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/notes", summary: "Create conversations notes", access: "notes.write", body: noteInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/owner", summary: "Create conversations owner", access: "conversations.manage", body: ownerInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/priority", summary: "Create conversations priority", access: "conversations.manage", body: priorityInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/read", summary: "Create conversations read", access: "conversations.reply" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/status", summary: "Create conversations status", access: "conversations.manage", body: statusInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/tags", summary: "Create conversations tags", access: "conversations.manage", body: conversationTagInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/tags/{tagId}", summary: "Delete conversations tags", access: "conversations.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/conversations/{conversationId}/timeline", summary: "List conversations timeline", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/realtime/events", summary: "List realtime events", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/tags", summary: "List tags", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/tags", summary: "Create tags", access: "conversations.manage", body: tagInput, idempotent: true },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/tags/{tagId}", summary: "Delete tags", access: "tags.manage" },
]);
