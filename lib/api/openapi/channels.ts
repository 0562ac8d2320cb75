import { defineRoutes } from "./define-route";
import { createChannelInput, updateChannelInput } from "@/lib/channels/channel-input";
import { channelRoutingInput } from "@/lib/channels/channel-routing-input";
import { customerMessageInput } from "@/lib/sandbox/customer-action";

// The channels routes of the v1 API: the body schemas here are the objects the handlers validate with.

export const channelsRoutes = defineRoutes("channels", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/channel-routing", summary: "List channel routing", access: "channels.read" },
  { method: "put", path: "/api/v1/orgs/{orgSlug}/channel-routing", summary: "Set channel routing", access: "channels.manage", body: channelRoutingInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/channels", summary: "List channels", access: "channels.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/channels", summary: "Create channels", access: "channels.manage", body: createChannelInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}", summary: "Get channels", access: "channels.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}", summary: "Update channels", access: "channels.manage", body: updateChannelInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}", summary: "Delete channels", access: "channels.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}/template-media", summary: "Create channels template media", access: "templates.write", multipart: true, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}/templates/sync", summary: "Create templates sync", access: "templates.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/channels/{channelId}/verify", summary: "Create channels verify", access: "channels.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/sandbox/{channelId}/chat", summary: "List sandbox chat", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/sandbox/{channelId}/customer-media", summary: "Create sandbox customer media", access: "sandbox.simulate", multipart: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/sandbox/{channelId}/customer-messages", summary: "Create sandbox customer messages", access: "sandbox.simulate", body: customerMessageInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/sandbox/{channelId}/customers", summary: "List sandbox customers", access: "conversations.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/webhook-events/{webhookEventId}/reapply", summary: "Create webhook events reapply", access: "channels.manage" },
]);
