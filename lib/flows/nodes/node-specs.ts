import type { z } from "zod";
import type { ExitHandle } from "./exit-handle";
import { aiReplyData, aiReplyDefaultData, aiReplyExits } from "./ai_reply/schema";
import { buttonsData, buttonsDefaultData, buttonsExits } from "./buttons/schema";
import { conditionData, conditionDefaultData, conditionExits } from "./condition/schema";
import { delayData, delayDefaultData, delayExits } from "./delay/schema";
import { endData, endDefaultData, endExits } from "./end/schema";
import { handoffData, handoffDefaultData, handoffExits } from "./handoff/schema";
import { httpRequestData, httpRequestDefaultData, httpRequestExits } from "./http_request/schema";
import { jumpToFlowData, jumpToFlowDefaultData, jumpToFlowExits } from "./jump_to_flow/schema";
import { listData, listDefaultData, listExits } from "./list/schema";
import { questionData, questionDefaultData, questionExits } from "./question/schema";
import { sendMessageData, sendMessageDefaultData, sendMessageExits } from "./send_message/schema";
import { sendTemplateData, sendTemplateDefaultData, sendTemplateExits } from "./send_template/schema";
import { setVariableData, setVariableDefaultData, setVariableExits } from "./set_variable/schema";
import { startData, startDefaultData, startExits } from "./start/schema";
import { waitForReplyData, waitForReplyDefaultData, waitForReplyExits } from "./wait_for_reply/schema";

/** The node type ids, in palette order. */
export const nodeTypes = [
  "start",
  "send_message",
  "buttons",
  "list",
  "question",
  "condition",
  "set_variable",
  "http_request",
  "ai_reply",
  "delay",
  "wait_for_reply",
  "handoff",
  "jump_to_flow",
  "send_template",
  "end",
] as const;
export type NodeType = (typeof nodeTypes)[number];

/**
 * Everything about a node type except how it runs: safe to import in the browser (the editor) and the engine alike.
 * `exits(data)` lists the source-handle ids the node's edges may leave from, in display order.
 */
export const nodeSpecs = {
  start: { schema: startData, exits: startExits, defaultData: startDefaultData },
  send_message: { schema: sendMessageData, exits: sendMessageExits, defaultData: sendMessageDefaultData },
  buttons: { schema: buttonsData, exits: buttonsExits, defaultData: buttonsDefaultData },
  list: { schema: listData, exits: listExits, defaultData: listDefaultData },
  question: { schema: questionData, exits: questionExits, defaultData: questionDefaultData },
  condition: { schema: conditionData, exits: conditionExits, defaultData: conditionDefaultData },
  set_variable: { schema: setVariableData, exits: setVariableExits, defaultData: setVariableDefaultData },
  http_request: { schema: httpRequestData, exits: httpRequestExits, defaultData: httpRequestDefaultData },
  ai_reply: { schema: aiReplyData, exits: aiReplyExits, defaultData: aiReplyDefaultData },
  delay: { schema: delayData, exits: delayExits, defaultData: delayDefaultData },
  wait_for_reply: { schema: waitForReplyData, exits: waitForReplyExits, defaultData: waitForReplyDefaultData },
  handoff: { schema: handoffData, exits: handoffExits, defaultData: handoffDefaultData },
  jump_to_flow: { schema: jumpToFlowData, exits: jumpToFlowExits, defaultData: jumpToFlowDefaultData },
  send_template: { schema: sendTemplateData, exits: sendTemplateExits, defaultData: sendTemplateDefaultData },
  end: { schema: endData, exits: endExits, defaultData: endDefaultData },
} as const satisfies {
  [T in NodeType]: { schema: z.ZodType; exits: (data: never) => ExitHandle[]; defaultData: () => unknown };
};

export type NodeDataOf<T extends NodeType> = z.infer<(typeof nodeSpecs)[T]["schema"]>;

/** The exits of any node, given its type and (parsed) data. */
export function nodeExits(node: { type: NodeType; data: unknown }): ExitHandle[] {
  return (nodeSpecs[node.type].exits as (data: unknown) => ExitHandle[])(node.data);
}
