"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ApiError, apiFetch } from "@/components/api/api-fetch";
import type { CustomerAction } from "@/lib/sandbox/customer-action";
import type { SandboxCustomerView, SandboxMessageView } from "@/lib/sandbox/sandbox-chat";

/**
 * Realtime, for now, is polling: socket.io is not wired yet. Every query here has a stable key, so switching to
 * socket events later means subscribing once (per channel) and calling `queryClient.invalidateQueries({ queryKey:
 * sandboxKeys.channel(...) })` on each event, then dropping `refetchInterval` — the components do not change.
 */
export const SANDBOX_POLL_MS = 1_000;

export const sandboxKeys = {
  channel: (orgSlug: string, channelId: string) => ["sandbox", orgSlug, channelId] as const,
  customers: (orgSlug: string, channelId: string) => [...sandboxKeys.channel(orgSlug, channelId), "customers"] as const,
  chat: (orgSlug: string, channelId: string, phone: string) => [...sandboxKeys.channel(orgSlug, channelId), "chat", phone] as const,
};

const base = (orgSlug: string, channelId: string) => `/api/v1/orgs/${encodeURIComponent(orgSlug)}/sandbox/${channelId}`;

export function useSandboxCustomers(orgSlug: string, channelId: string) {
  return useQuery({
    queryKey: sandboxKeys.customers(orgSlug, channelId),
    queryFn: ({ signal }) => apiFetch<{ customers: SandboxCustomerView[] }>(`${base(orgSlug, channelId)}/customers`, { signal }).then((r) => r.customers),
    refetchInterval: SANDBOX_POLL_MS * 5,
    staleTime: 0,
  });
}

export function useSandboxChat(orgSlug: string, channelId: string, phone: string | null) {
  return useQuery({
    queryKey: sandboxKeys.chat(orgSlug, channelId, phone ?? ""),
    queryFn: ({ signal }) =>
      apiFetch<{ messages: SandboxMessageView[] }>(`${base(orgSlug, channelId)}/chat?phone=${encodeURIComponent(phone ?? "")}`, { signal }).then((r) => r.messages),
    enabled: Boolean(phone),
    refetchInterval: SANDBOX_POLL_MS,
    staleTime: 0,
  });
}

export function useSendAsCustomer(orgSlug: string, channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { customer: { name: string; phone: string }; message: CustomerAction }) =>
      apiFetch<{ message: { waMessageId: string } }>(`${base(orgSlug, channelId)}/customer-messages`, { method: "POST", body: input }).then((r) => r.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKeys.channel(orgSlug, channelId) }),
  });
}

/** Sends a file as the customer (multipart): an image for JPEG/PNG, otherwise a document. */
export function useSendFileAsCustomer(orgSlug: string, channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { customer: { name: string; phone: string }; file: File }) => {
      const form = new FormData();
      form.set("file", input.file);
      form.set("name", input.customer.name);
      form.set("phone", input.customer.phone);
      let res: Response;
      try {
        res = await fetch(`${base(orgSlug, channelId)}/customer-media`, { method: "POST", body: form, credentials: "same-origin" });
      } catch {
        throw new ApiError(0, "network_error", "Network error");
      }
      const payload = (await res.json().catch(() => null)) as { message?: { waMessageId: string; type: "image" | "document" }; error?: { code: string; message: string } } | null;
      if (!res.ok || !payload?.message) throw new ApiError(res.status, payload?.error?.code ?? "internal_error", payload?.error?.message ?? res.statusText);
      return payload.message;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKeys.channel(orgSlug, channelId) }),
  });
}
