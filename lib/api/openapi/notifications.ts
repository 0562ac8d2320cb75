import { defineRoutes } from "./define-route";
import { createConnectionInput, updateConnectionInput } from "@/lib/integrations/connection-input";
import { notificationBatchInput } from "@/lib/notifications/create-notification-batch";
import { notificationInput } from "@/lib/notifications/notification-input";
import { directSmsInput } from "@/lib/sms/send-direct-sms";
import { smsGatewayInput } from "@/lib/sms/sms-gateway-input";

// The notifications routes of the v1 API: the body schemas here are the objects the handlers validate with.

export const notificationsRoutes = defineRoutes("notifications", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/integrations", summary: "List integrations", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/integrations", summary: "Create integrations", access: "integrations.manage", body: createConnectionInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/integrations/{connectionId}", summary: "Update integrations", access: "integrations.manage", body: updateConnectionInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/integrations/{connectionId}", summary: "Delete integrations", access: "integrations.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/notifications", summary: "Create notifications", access: "notifications.send", body: notificationInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/notifications/batch", summary: "Create notifications batch", access: "notifications.send", body: notificationBatchInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/notifications/batch/{batchId}", summary: "Get notifications batch", access: "notifications.send" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/notifications/{notificationId}", summary: "Get notifications", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/sms", summary: "Create sms", access: "notifications.send", body: directSmsInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/sms-gateway", summary: "List sms gateway", access: "integrations.manage" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/sms-gateway", summary: "Set sms gateway", access: "integrations.manage", body: smsGatewayInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/sms-gateway", summary: "Delete sms gateway", access: "integrations.manage" },
]);
