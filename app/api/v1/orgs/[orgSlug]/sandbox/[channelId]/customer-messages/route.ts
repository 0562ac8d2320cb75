import { readJson, withOrg } from "@/lib/api/route";
import { parseId } from "@/lib/api/parse-id";
import { customerMessageInput } from "@/lib/sandbox/customer-action";
import { getSandboxChannelOrThrow } from "@/lib/sandbox/get-sandbox-channel";
import { sendCustomerMessage } from "@/lib/sandbox/send-customer-message";

// A simulated customer writes to the sandbox number: a signed, Meta-shaped webhook to the channel's own webhook URL.
export const POST = withOrg<{ orgSlug: string; channelId: string }>("sandbox.simulate", async ({ req, params, ctx }) => {
  const channel = await getSandboxChannelOrThrow(ctx.org.id, parseId(params.channelId, "Channel"));
  const input = await readJson(req, customerMessageInput);
  return Response.json({ message: await sendCustomerMessage(channel, input) }, { status: 201 });
});
