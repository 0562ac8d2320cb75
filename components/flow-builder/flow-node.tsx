"use client";

import * as React from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { AlertTriangleIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import { nodeExits, type NodeType } from "@/lib/flows/nodes/node-specs";
import { nodeEditors } from "./nodes/node-editors";
import type { EditorNode } from "./editor-graph";
import { parsedData } from "./editor-graph";
import { useExitLabel } from "./use-exit-label";
import { useIssueMessage } from "./use-issue-message";
import { useNodeDecoration } from "./node-decorations";

/**
 * One card for every node type: header (icon + type), the type's own summary, validation messages, counters, and
 * one source handle per exit from the shared registry (`exits(data)`), so an edge's sourceHandle is the exit id.
 */
function FlowNodeCard({ id, type, data, selected }: NodeProps<EditorNode>) {
  const t = useTranslations("flowEditor");
  const exitLabel = useExitLabel();
  const issueMessage = useIssueMessage();
  const nodeType = type as NodeType;
  const editor = nodeEditors[nodeType];
  const parsed = React.useMemo(() => parsedData(nodeType, data), [nodeType, data]);
  const exits = React.useMemo(() => nodeExits({ type: nodeType, data: parsed }), [nodeType, parsed]);
  const { issues, counters, active } = useNodeDecoration(id);
  const errors = issues.filter((i) => i.severity === "error");
  const Icon = editor.icon;
  const Card = editor.Card as React.ComponentType<{ data: unknown }>;

  return (
    <div
      data-testid={`flow-node-${id}`}
      data-node-type={type}
      data-invalid={errors.length > 0 ? "true" : undefined}
      data-active={active ? "true" : undefined}
      className={cn(
        "w-64 rounded-lg border-2 bg-card text-card-foreground shadow-sm text-sm",
        selected ? "border-primary" : "border-border",
        errors.length > 0 && "border-destructive",
        active && "ring-4 ring-emerald-400/70",
      )}
    >
      {type !== "start" && <Handle type="target" position={Position.Top} className="!size-3 !bg-muted-foreground" />}
      <div className={cn("flex items-center gap-2 rounded-t-md px-3 py-1.5 text-xs font-semibold text-white", editor.accent)}>
        <Icon aria-hidden="true" className="size-3.5" />
        <span className="truncate">{t(`nodeTypes.${nodeType}`)}</span>
        {counters && (
          <span className="ml-auto font-mono font-normal" title={t("counters.title")} data-testid="node-counters">
            ▶{counters.entered} ✓{counters.completed} ✕{counters.dropped}
            {counters.handedOff ? ` ↪${counters.handedOff}` : ""}
          </span>
        )}
      </div>
      <div className="px-3 py-2">
        <Card data={parsed} />
      </div>
      {issues.length > 0 && (
        <ul className="grid gap-1 border-t px-3 py-2 text-xs" data-testid="node-issues">
          {issues.map((issue, i) => (
            <li key={i} className={cn("flex gap-1", issue.severity === "error" ? "text-destructive" : "text-amber-700 dark:text-amber-400")}>
              <AlertTriangleIcon aria-hidden="true" className="mt-0.5 size-3 shrink-0" />
              <span>{issueMessage(issue)}</span>
            </li>
          ))}
        </ul>
      )}
      {exits.length > 0 && (
        <div className="flex border-t">
          {exits.map((exit) => (
            <div key={exit.id} className="relative flex-1 px-1 pt-1 pb-2 text-center text-[11px] text-muted-foreground" data-testid={`exit-${exit.id}`}>
              <span className="line-clamp-1 break-all">{exitLabel(exit)}</span>
              <Handle type="source" id={exit.id} position={Position.Bottom} className="!size-3 !bg-primary" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNode = React.memo(FlowNodeCard);
