import type { NodeExecutor } from "../engine/engine-types";
import { executeAiReply } from "./ai_reply/execute";
import { executeButtons } from "./buttons/execute";
import { executeCondition } from "./condition/execute";
import { executeDelay } from "./delay/execute";
import { executeEnd } from "./end/execute";
import { executeHandoff } from "./handoff/execute";
import { executeHttpRequest } from "./http_request/execute";
import { executeJumpToFlow } from "./jump_to_flow/execute";
import { executeList } from "./list/execute";
import { nodeSpecs, type NodeDataOf, type NodeType } from "./node-specs";
import { executeQuestion } from "./question/execute";
import { executeSendMessage } from "./send_message/execute";
import { executeSendTemplate } from "./send_template/execute";
import { executeSetVariable } from "./set_variable/execute";
import { executeStart } from "./start/execute";
import { executeWaitForReply } from "./wait_for_reply/execute";

const executors: { [T in NodeType]: NodeExecutor<NodeDataOf<T>> } = {
  start: executeStart,
  send_message: executeSendMessage,
  buttons: executeButtons,
  list: executeList,
  question: executeQuestion,
  condition: executeCondition,
  set_variable: executeSetVariable,
  http_request: executeHttpRequest,
  ai_reply: executeAiReply,
  delay: executeDelay,
  wait_for_reply: executeWaitForReply,
  handoff: executeHandoff,
  jump_to_flow: executeJumpToFlow,
  send_template: executeSendTemplate,
  end: executeEnd,
};

/** type → { schema, exits(data), defaultData(), execute }: everything the engine needs about a node type. */
export const nodeRegistry = Object.fromEntries(
  (Object.keys(nodeSpecs) as NodeType[]).map((type) => [type, { ...nodeSpecs[type], execute: executors[type] }]),
) as { [T in NodeType]: (typeof nodeSpecs)[T] & { execute: NodeExecutor<NodeDataOf<T>> } };
