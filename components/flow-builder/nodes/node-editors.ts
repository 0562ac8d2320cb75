import {
  BotIcon,
  ClockIcon,
  FileTextIcon,
  FlagIcon,
  GitBranchIcon,
  GlobeIcon,
  HeadsetIcon,
  HourglassIcon,
  ListIcon,
  MessageSquareIcon,
  MessageCircleQuestionIcon,
  PlayIcon,
  RedoDotIcon,
  SquareMousePointerIcon,
  VariableIcon,
} from "lucide-react";

import type { NodeType } from "@/lib/flows/nodes/node-specs";
import { AiReplyCard } from "./ai_reply/ai-reply-card";
import { AiReplySettings } from "./ai_reply/ai-reply-settings";
import { ButtonsCard } from "./buttons/buttons-card";
import { ButtonsSettings } from "./buttons/buttons-settings";
import { ConditionCard } from "./condition/condition-card";
import { ConditionSettings } from "./condition/condition-settings";
import { DelayCard } from "./delay/delay-card";
import { DelaySettings } from "./delay/delay-settings";
import { EndCard } from "./end/end-card";
import { EndSettings } from "./end/end-settings";
import { HandoffCard } from "./handoff/handoff-card";
import { HandoffSettings } from "./handoff/handoff-settings";
import { HttpRequestCard } from "./http_request/http-request-card";
import { HttpRequestSettings } from "./http_request/http-request-settings";
import { JumpToFlowCard } from "./jump_to_flow/jump-to-flow-card";
import { JumpToFlowSettings } from "./jump_to_flow/jump-to-flow-settings";
import { ListCard } from "./list/list-card";
import { ListSettings } from "./list/list-settings";
import type { NodeEditor } from "./node-editor";
import { QuestionCard } from "./question/question-card";
import { QuestionSettings } from "./question/question-settings";
import { SendMessageCard } from "./send_message/send-message-card";
import { SendMessageSettings } from "./send_message/send-message-settings";
import { SendTemplateCard } from "./send_template/send-template-card";
import { SendTemplateSettings } from "./send_template/send-template-settings";
import { SetVariableCard } from "./set_variable/set-variable-card";
import { SetVariableSettings } from "./set_variable/set-variable-settings";
import { StartCard } from "./start/start-card";
import { StartSettings } from "./start/start-settings";
import { WaitForReplyCard } from "./wait_for_reply/wait-for-reply-card";
import { WaitForReplySettings } from "./wait_for_reply/wait-for-reply-settings";

/** Every node type's editor part, in one module-scope map (the canvas and the settings panel look types up here). */
export const nodeEditors: { [T in NodeType]: NodeEditor<T> } = {
  start: { icon: PlayIcon, accent: "bg-emerald-600", Card: StartCard, Settings: StartSettings },
  send_message: { icon: MessageSquareIcon, accent: "bg-sky-600", Card: SendMessageCard, Settings: SendMessageSettings },
  buttons: { icon: SquareMousePointerIcon, accent: "bg-indigo-600", Card: ButtonsCard, Settings: ButtonsSettings },
  list: { icon: ListIcon, accent: "bg-indigo-600", Card: ListCard, Settings: ListSettings },
  question: { icon: MessageCircleQuestionIcon, accent: "bg-violet-600", Card: QuestionCard, Settings: QuestionSettings },
  condition: { icon: GitBranchIcon, accent: "bg-amber-600", Card: ConditionCard, Settings: ConditionSettings },
  set_variable: { icon: VariableIcon, accent: "bg-amber-600", Card: SetVariableCard, Settings: SetVariableSettings },
  http_request: { icon: GlobeIcon, accent: "bg-slate-600", Card: HttpRequestCard, Settings: HttpRequestSettings },
  ai_reply: { icon: BotIcon, accent: "bg-fuchsia-600", Card: AiReplyCard, Settings: AiReplySettings },
  delay: { icon: HourglassIcon, accent: "bg-slate-600", Card: DelayCard, Settings: DelaySettings },
  wait_for_reply: { icon: ClockIcon, accent: "bg-slate-600", Card: WaitForReplyCard, Settings: WaitForReplySettings },
  handoff: { icon: HeadsetIcon, accent: "bg-rose-600", Card: HandoffCard, Settings: HandoffSettings },
  jump_to_flow: { icon: RedoDotIcon, accent: "bg-rose-600", Card: JumpToFlowCard, Settings: JumpToFlowSettings },
  send_template: { icon: FileTextIcon, accent: "bg-sky-600", Card: SendTemplateCard, Settings: SendTemplateSettings },
  end: { icon: FlagIcon, accent: "bg-zinc-700", Card: EndCard, Settings: EndSettings },
};
