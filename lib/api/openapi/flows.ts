import { z } from "zod";
import { defineRoutes } from "./define-route";
import { createFlowGlobalInput, updateFlowGlobalInput, updateFlowSettingsInput } from "@/lib/flows/settings/flow-settings-input";
import { createFlowInput, saveDraftInput, updateFlowInput } from "@/lib/flows/store/flow-input";
import { flowNameSchema } from "@/lib/flows/store/flow-input";

// The flows routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const flowTestInput = z.object({ channelId: z.string().min(1, "Choose a sandbox channel") });

export const flowDuplicateInput = z.object({ name: flowNameSchema.optional() });

export const flowImportInput = z.unknown();

export const flowsRoutes = defineRoutes("flows", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flow-globals", summary: "List flow globals", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flow-globals", summary: "Create flow globals", access: "flows.manage", body: createFlowGlobalInput, idempotent: true },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/flow-globals/{name}", summary: "Update flow globals", access: "flows.manage", body: updateFlowGlobalInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/flow-globals/{name}", summary: "Delete flow globals", access: "flows.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flow-settings", summary: "List flow settings", access: "flows.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/flow-settings", summary: "Update flow settings", access: "flows.manage", body: updateFlowSettingsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows", summary: "List flows", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows", summary: "Create flows", access: "flows.manage", body: createFlowInput, idempotent: true },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows/import", summary: "Create flows import", access: "flows.manage", body: flowImportInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}", summary: "Get flows", access: "flows.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}", summary: "Update flows", access: "flows.manage", body: updateFlowInput },
  { method: "delete", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}", summary: "Delete flows", access: "flows.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/draft", summary: "List flows draft", access: "flows.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/draft", summary: "Update flows draft", access: "flows.manage", body: saveDraftInput },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/duplicate", summary: "Create flows duplicate", access: "flows.manage", body: flowDuplicateInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/export", summary: "List flows export", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/publish", summary: "Create flows publish", access: "flows.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/stats", summary: "List flows stats", access: "flows.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/test", summary: "List flows test", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/test", summary: "Create flows test", access: "flows.manage", body: flowTestInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/versions", summary: "List flows versions", access: "flows.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/flows/{flowId}/versions/{version}/restore", summary: "Create versions restore", access: "flows.manage" },
]);
