import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { FlowEditor } from "@/components/flow-builder/flow-editor";
import { AccessDenied } from "@/components/shell/access-denied";
import { AppError } from "@/lib/errors";
import { requireOrgPage } from "@/lib/auth/page-guard";
import { listChannels } from "@/lib/channels/list-channels";
import { getDraft } from "@/lib/flows/store/get-draft";
import { getFlow } from "@/lib/flows/store/get-flow";
import { listFlowGlobalNames } from "@/lib/flows/store/list-flow-global-names";
import { listFlows } from "@/lib/flows/store/list-flows";

type Props = { params: Promise<{ orgSlug: string; flowId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(orgId: string, flowId: string) {
  if (!UUID.test(flowId)) notFound();
  try {
    return await Promise.all([getFlow(orgId, flowId), getDraft(orgId, flowId)]);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { orgSlug, flowId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("flows.read")) return {};
  const [flow] = await load(ctx.org.id, flowId);
  return { title: flow.name };
}

export default async function FlowEditorPage({ params }: Props) {
  const { orgSlug, flowId } = await params;
  const ctx = await requireOrgPage(orgSlug);
  if (!ctx.can("flows.read")) return <AccessDenied />;
  const [[flow, draft], flows, globals, channels] = await Promise.all([
    load(ctx.org.id, flowId),
    listFlows(ctx.org.id),
    listFlowGlobalNames(ctx.org.id),
    listChannels(ctx.org.id),
  ]);
  return (
    <FlowEditor
      orgSlug={ctx.org.slug}
      flow={flow}
      draft={draft}
      canManage={ctx.can("flows.manage")}
      flows={flows.map((f) => ({ id: f.id, name: f.name }))}
      globals={globals}
      sandboxChannels={channels
        .filter((c) => c.provider === "sandbox" && c.status === "active")
        .map((c) => ({ id: c.id, name: c.name, displayPhoneNumber: c.displayPhoneNumber }))}
    />
  );
}
