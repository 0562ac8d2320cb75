import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { channels, flowVersions, flows } from "@/db/schema";
import { flowGraphSchema, type FlowGraph } from "@/lib/flows/graph-schema";

export const DEMO_FLOW_NAME = "Welcome bot";

/** The demo's example bot: greeting → menu (buttons) → a question → handoff to a person. */
export function demoFlowGraph(): FlowGraph {
  const at = (x: number, y: number) => ({ x, y });
  return flowGraphSchema.parse({
    nodes: [
      { id: "start", type: "start", position: at(0, 0), data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["menu", "oi", "olá", "hi"] }] } },
      { id: "greet", type: "send_message", position: at(0, 120), data: { text: "Hi {{contact.first_name}}! 👋 This is the Papo demo bot." } },
      {
        id: "menu",
        type: "buttons",
        position: at(0, 240),
        data: { body: "What can we do for you?", buttons: [{ id: "order", title: "Track an order" }, { id: "human", title: "Talk to a person" }], variable: "topic", retryMessage: "Please tap one of the buttons.", maxRetries: 1 },
      },
      { id: "ask_order", type: "question", position: at(-200, 380), data: { prompt: "What is your order number?", kind: "number", variable: "order", retryMessage: "Order numbers are digits only, e.g. 12345.", maxTries: 3 } },
      { id: "handoff", type: "handoff", position: at(0, 520), data: { message: "Thanks! A person from our team will continue from here.", note: "Topic: {{topic}} · order {{order}}" } },
    ],
    edges: [
      { id: "e-start", source: "start", target: "greet", sourceHandle: "next" },
      { id: "e-greet", source: "greet", target: "menu", sourceHandle: "next" },
      { id: "e-order", source: "menu", target: "ask_order", sourceHandle: "order" },
      { id: "e-human", source: "menu", target: "handoff", sourceHandle: "human" },
      { id: "e-fallback", source: "menu", target: "handoff", sourceHandle: "fallback" },
      { id: "e-answer", source: "ask_order", target: "handoff", sourceHandle: "next" },
      { id: "e-gave-up", source: "ask_order", target: "handoff", sourceHandle: "gave_up" },
    ],
  });
}

/**
 * Adds the published example flow to an organization and makes it the channel's default flow. Idempotent: an
 * organization that already has a flow of that name is left alone.
 */
export async function seedDemoFlow(tx: Tx, args: { organizationId: string; channelId: string; userId: string }): Promise<string> {
  const [existing] = await tx
    .select({ id: flows.id })
    .from(flows)
    .where(and(eq(flows.organizationId, args.organizationId), eq(flows.name, DEMO_FLOW_NAME), isNull(flows.deletedAt)));
  if (existing) return existing.id;
  const graph = demoFlowGraph();
  const start = graph.nodes.find((n) => n.type === "start")!;
  const [flow] = await tx
    .insert(flows)
    .values({ organizationId: args.organizationId, name: DEMO_FLOW_NAME, description: "Greeting, a menu, a question and a handoff: edit it to make it yours.", trigger: start.data as Record<string, unknown>, createdById: args.userId })
    .returning();
  const now = new Date();
  await tx.insert(flowVersions).values({ organizationId: args.organizationId, flowId: flow.id, version: 0, graph });
  const [published] = await tx
    .insert(flowVersions)
    .values({ organizationId: args.organizationId, flowId: flow.id, version: 1, graph, publishedAt: now, publishedById: args.userId })
    .returning();
  await tx.update(flows).set({ status: "active", publishedVersionId: published.id }).where(eq(flows.id, flow.id));
  await tx.update(channels).set({ defaultFlowId: flow.id }).where(and(eq(channels.organizationId, args.organizationId), eq(channels.id, args.channelId)));
  return flow.id;
}
