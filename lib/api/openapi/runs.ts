import { defineRoutes } from "./define-route";

// The runs routes of the v1 API: the body schemas here are the objects the handlers validate with.

export const runsRoutes = defineRoutes("runs", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/events", summary: "List events", access: "runs.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/events/test", summary: "Create events test", access: "runs.manage" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/events/{eventId}", summary: "Get events", access: "runs.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/runs", summary: "List runs", access: "runs.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/runs/{runId}", summary: "Get runs", access: "runs.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/runs/{runId}/cancel", summary: "Create runs cancel", access: "runs.manage" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/runs/{runId}/replay", summary: "Create runs replay", access: "runs.manage" },
]);
