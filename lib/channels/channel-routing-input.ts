import { z } from "zod";

/** PUT …/channel-routing: which number proactive messages go through (null: no rule). */
export const channelRoutingInput = z.strictObject({
  proactiveChannelId: z.uuid({ message: "Pick one of this organization's numbers" }).nullable(),
});
export type ChannelRoutingInput = z.infer<typeof channelRoutingInput>;
