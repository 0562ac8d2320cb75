import { withOrg } from "@/lib/api/route";
import { sendTestEvent } from "@/lib/runs/send-test-event";

export const POST = withOrg("runs.manage", async ({ ctx }) => Response.json(await sendTestEvent(ctx), { status: 201 }));
