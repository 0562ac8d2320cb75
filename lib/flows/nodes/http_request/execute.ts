import type { NodeExecutor } from "../../engine/engine-types";
import { interpolate, jsonStringContent } from "../../variables/interpolate";
import { walkPath } from "../../variables/resolve-variable";
import { EXIT } from "../exit-handle";
import type { HttpRequestData } from "./schema";

/** Asks the runtime for the call, then maps the answer: 2xx → mappings + "success"; anything else → "failure". */
export const executeHttpRequest: NodeExecutor<HttpRequestData> = ({ data, input, scope }) => {
  if (!input) {
    // With a connection the URL is a path under its base URL: every variable in it is encoded.
    const url = data.connection ? interpolate(data.url.trim(), scope, encodeURIComponent) : interpolateUrl(data.url, scope);
    const hasBody = data.method !== "GET" && data.method !== "DELETE" && data.body.trim() !== "";
    const headers: Record<string, string> = {};
    for (const h of data.headers) if (h.name.trim()) headers[h.name.trim()] = interpolate(h.value, scope);
    if (hasBody && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
    return {
      next: "wait",
      kind: "http",
      effect: { type: "http", request: { method: data.method, url, headers, body: hasBody ? interpolate(data.body, scope, jsonStringContent) : null, timeoutMs: data.timeoutMs, ...(data.connection ? { connection: data.connection } : {}) } },
    };
  }
  if (input.type !== "http_result") return { next: "wait", kind: "http" };
  const setVariables: Record<string, unknown> = {};
  if (data.statusVariable) setVariables[data.statusVariable] = input.status;
  if (!input.ok) return { setVariables, next: "exit", exit: EXIT.failure };
  for (const m of data.responseMappings) {
    if (!m.variable) continue;
    const path = m.path.trim() ? m.path.trim().split(".") : [];
    setVariables[m.variable] = walkPath(input.body, path) ?? "";
  }
  return { setVariables, next: "exit", exit: EXIT.success };
};

/** Values are URL-encoded, except a variable that opens the URL (a base URL kept in a global, say). */
function interpolateUrl(url: string, scope: Parameters<typeof interpolate>[1]): string {
  const trimmed = url.trim();
  const lead = /^\{\{[^}]+\}\}/.exec(trimmed);
  if (!lead) return interpolate(trimmed, scope, encodeURIComponent);
  return interpolate(lead[0], scope) + interpolate(trimmed.slice(lead[0].length), scope, encodeURIComponent);
}
