import { readJson, withOrg } from "@/lib/api/route";
import { flowTestInput } from "@/lib/api/openapi/flows";
import { parseId } from "@/lib/api/parse-id";
import { getTestSession } from "@/lib/flows/runtime/get-test-session";
import { startTestSession } from "@/lib/flows/runtime/start-test-session";

type Params = { orgSlug: string; flowId: string };

// Starts (or resets) the caller's test conversation of this flow's draft on a sandbox channel.
export const POST = withOrg<Params>("flows.manage", async ({ req, params, ctx }) => {
  const flowId = parseId(params.flowId, "Flow");
  const { channelId } = await readJson(req, flowTestInput);
  return Response.json({ test: await startTestSession(ctx, flowId, parseId(channelId, "Channel")) }, { status: 201 });
});

// The test session's status and current node, for the canvas to highlight.
export const GET = withOrg<Params>("flows.read", async ({ params, ctx }) => {
  return Response.json(await getTestSession(ctx, parseId(params.flowId, "Flow")));
});
