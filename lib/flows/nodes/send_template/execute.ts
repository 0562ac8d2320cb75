import type { NodeExecutor } from "../../engine/engine-types";
import { interpolate } from "../../variables/interpolate";
import { EXIT } from "../exit-handle";
import type { SendTemplateData } from "./schema";

type Param = SendTemplateData["bodyParameters"][number];

/** An approved template, its parameters filled from variables (Meta refuses an empty parameter: "-" stands in). */
export const executeSendTemplate: NodeExecutor<SendTemplateData> = ({ data, scope }) => {
  const named = [...data.headerParameters, ...data.bodyParameters].every((p) => p.name.trim());
  const params = (list: Param[]) =>
    list.map((p) => ({ type: "text" as const, text: interpolate(p.value, scope).trim() || "-", ...(named ? { parameter_name: p.name.trim() } : {}) }));
  const components = [
    ...(data.headerParameters.length ? [{ type: "header" as const, parameters: params(data.headerParameters) }] : []),
    ...(data.bodyParameters.length ? [{ type: "body" as const, parameters: params(data.bodyParameters) }] : []),
  ];
  return {
    messages: [{ type: "template", name: data.name.trim(), language: data.language.trim(), ...(components.length ? { components } : {}) }],
    next: "exit",
    exit: EXIT.next,
  };
};
