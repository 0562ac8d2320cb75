import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { publishMessageChanged } from "./publish-message-changed";
import { log } from "@/lib/log/logger";

/** For the status path, which knows the wamid: pushes `message.updated` for that message if it exists. Never throws. */
export async function publishMessageByWamid(organizationId: string, channelId: string, waMessageId: string): Promise<void> {
  try {
    const [row] = await getDb()
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.organizationId, organizationId), eq(messages.channelId, channelId), eq(messages.waMessageId, waMessageId)));
    if (row) await publishMessageChanged(organizationId, row.id, "message.updated");
  } catch (err) {
    log.error({ err }, `realtime: could not publish the status of ${waMessageId}`);
  }
}
