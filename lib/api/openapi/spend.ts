import { z } from "zod";
import { defineRoutes } from "./define-route";
import { spendSettingsInput } from "@/lib/spend/spend-settings-input";

// The spend routes of the v1 API: the body schemas here are the objects the handlers validate with.

// Bodies of routes that used to declare them inline: the handlers import them from here.
export const rateCardInput = z
  .object({ csv: z.string().min(1).max(2_000_000), currency: z.string().regex(/^[A-Za-z]{3}$/).optional(), name: z.string().max(120).optional() })
  .strict();

export const spendRoutes = defineRoutes("spend", [
  { method: "get", path: "/api/v1/orgs/{orgSlug}/spend/estimate", summary: "List spend estimate", access: "conversations.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/spend/export", summary: "List spend export", access: "spend.read" },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/spend/rate-cards", summary: "List spend rate cards", access: "spend.read" },
  { method: "post", path: "/api/v1/orgs/{orgSlug}/spend/rate-cards", summary: "Create spend rate cards", access: "spend.manage", body: rateCardInput, idempotent: true },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/spend/settings", summary: "List spend settings", access: "spend.read" },
  { method: "patch", path: "/api/v1/orgs/{orgSlug}/spend/settings", summary: "Update spend settings", access: "spend.manage", body: spendSettingsInput },
  { method: "get", path: "/api/v1/orgs/{orgSlug}/spend/summary", summary: "List spend summary", access: "spend.read" },
]);
