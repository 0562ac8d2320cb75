"use client";

import * as React from "react";
import { Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import type { NodeType } from "@/lib/flows/nodes/node-specs";
import type { GraphIssue } from "@/lib/flows/validate-graph";
import { parsedData, type EditorNode } from "./editor-graph";
import type { EditorOptions } from "./nodes/node-editor";
import { nodeEditors } from "./nodes/node-editors";
import { useIssueMessage } from "./use-issue-message";

type Props = {
  node: EditorNode;
  issues: GraphIssue[];
  options: EditorOptions;
  readOnly: boolean;
  onChange: (nodeId: string, data: Record<string, unknown>) => void;
  onDelete: (nodeId: string) => void;
};

/** The selected node's settings: the type's own panel (from the module-scope map), its issues, and delete. */
export function NodeSettingsPanel({ node, issues, options, readOnly, onChange, onDelete }: Props) {
  const t = useTranslations("flowEditor");
  const issueMessage = useIssueMessage();
  const type = node.type as NodeType;
  const editor = nodeEditors[type];
  const Settings = editor.Settings as React.ComponentType<{ nodeId: string; data: unknown; onChange: (d: unknown) => void; options: EditorOptions }>;
  const data = React.useMemo(() => parsedData(type, node.data), [type, node.data]);
  const Icon = editor.icon;
  return (
    <section aria-label={t("settingsOf", { type: t(`nodeTypes.${type}`) })} className="grid gap-4" data-testid="node-settings">
      <header className="flex items-center gap-2">
        <span className={`flex size-7 items-center justify-center rounded text-white ${editor.accent}`}>
          <Icon aria-hidden="true" className="size-4" />
        </span>
        <h2 className="font-semibold">{t(`nodeTypes.${type}`)}</h2>
        {!readOnly && type !== "start" && (
          <Button type="button" variant="ghost" size="icon" className="ml-auto" aria-label={t("deleteNode")} title={t("deleteNode")} onClick={() => onDelete(node.id)}>
            <Trash2Icon aria-hidden="true" />
          </Button>
        )}
      </header>
      {issues.length > 0 && (
        <ul className="grid gap-1 rounded-md border border-destructive/40 bg-destructive/5 p-2 text-xs">
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity === "error" ? "text-destructive" : "text-amber-700 dark:text-amber-400"}>
              {issueMessage(issue)}
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={readOnly} className="grid gap-4">
        <Settings nodeId={node.id} data={data} onChange={(next) => onChange(node.id, next as Record<string, unknown>)} options={options} />
      </fieldset>
    </section>
  );
}
