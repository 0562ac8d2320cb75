/** An event for durable work (inngest/client.ts lists the names and schemas). `id` makes a second send a no-op. */
export type JobEvent = { id?: string; name: string; data: Record<string, unknown> };
