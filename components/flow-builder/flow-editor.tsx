"use client";

import "@xyflow/react/dist/style.css";

import * as React from "react";
import Link from "next/link";
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { ArrowLeftIcon, FlaskConicalIcon, LayoutGridIcon, Redo2Icon, Undo2Icon, XIcon } from "lucide-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { apiFetch } from "@/components/api/api-fetch";
import { FlowStatusBadge } from "@/components/flow-builder/list/flow-status-badge";
import { Button } from "@/components/ui/button";
import type { FlowGraph } from "@/lib/flows/graph-schema";
import { nodeExits, type NodeType } from "@/lib/flows/nodes/node-specs";
import type { FlowView } from "@/lib/flows/store/flow-view";
import type { DraftView } from "@/lib/flows/store/get-draft";
import type { NodeStatsView } from "@/lib/flows/store/get-node-stats";
import { validateGraph, type GraphIssue } from "@/lib/flows/validate-graph";
import { autoLayout } from "./auto-layout";
import { CanvasMinimap, MinimapToggle, useMinimap } from "./canvas-minimap";
import { fromFlowGraph, newNode, parsedData, toFlowGraph, type EditorEdge, type EditorGraph, type EditorNode } from "./editor-graph";
import { FlowSettingsDialog } from "./flow-settings-dialog";
import { IssuesList } from "./issues-list";
import { NodeDecorations, NodeDecorationsContext, type NodeDecoration } from "./node-decorations";
import { NODE_DRAG_MIME, NodePalette } from "./node-palette";
import { NodeSettingsPanel } from "./node-settings-panel";
import { flowNodeTypes } from "./node-types";
import type { EditorOptions } from "./nodes/node-editor";
import { PublishButton, type PublishOutcome } from "./publish-button";
import { SaveIndicator } from "./save-indicator";
import { TestPanel, type SandboxChannelOption } from "./test-panel";
import { useAutosave } from "./use-autosave";
import { useGraphHistory } from "./use-graph-history";
import { useIssueMessage } from "./use-issue-message";
import { VersionsDialog } from "./versions-dialog";

export type FlowEditorProps = {
  orgSlug: string;
  flow: FlowView;
  draft: DraftView;
  canManage: boolean;
  /** The organization's flows, for "jump to flow". */
  flows: { id: string; name: string }[];
  /** Names of the organization's globals, so {{globals.x}} validates like it will at publish. */
  globals: string[];
  sandboxChannels: SandboxChannelOption[];
};

/** The flow editor: palette, canvas, settings/issues panel, toolbar (save state, undo/redo, layout, versions, publish) and the test phone. */
export function FlowEditor(props: FlowEditorProps) {
  const [decorations] = React.useState(() => new NodeDecorations());
  return (
    <ReactFlowProvider>
      <NodeDecorationsContext.Provider value={decorations}>
        <EditorInner {...props} decorations={decorations} />
      </NodeDecorationsContext.Provider>
    </ReactFlowProvider>
  );
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

function EditorInner({ orgSlug, flow: initialFlow, draft, canManage, flows, globals, sandboxChannels, decorations }: FlowEditorProps & { decorations: NodeDecorations }) {
  const t = useTranslations("flowEditor");
  const issueMessage = useIssueMessage();
  const readOnly = !canManage;
  const base = `/api/v1/orgs/${encodeURIComponent(orgSlug)}/flows/${initialFlow.id}`;
  const reactFlow = useReactFlow<EditorNode, EditorEdge>();
  const queryClient = useQueryClient();

  const [flow, setFlow] = React.useState(initialFlow);
  // "Draft differs from vN": from the server at load, then any edit since the last publish (or a restore).
  const [draftDiffers, setDraftDiffers] = React.useState(initialFlow.draftDiffers);
  const [graph, setGraphState] = React.useState<EditorGraph>(() => fromFlowGraph(draft.graph as FlowGraph));
  const graphRef = React.useRef(graph);
  const setGraph = React.useCallback((next: EditorGraph) => {
    graphRef.current = next;
    setGraphState(next);
  }, []);
  const history = useGraphHistory();
  /** Every undoable change goes through here: remember the graph before it, then apply. */
  const commit = React.useCallback(
    (change: (g: EditorGraph) => EditorGraph, key?: string) => {
      const before = graphRef.current;
      const next = change(before);
      if (next === before) return;
      history.record(before, key);
      setGraph(next);
    },
    [history, setGraph],
  );

  const flowGraph = React.useMemo(() => toFlowGraph(graph), [graph]);
  const autosave = useAutosave({ url: `${base}/draft`, graph: flowGraph, initialRevision: draft.revision, enabled: canManage });
  if (autosave.dirty && !draftDiffers) setDraftDiffers(true);

  // Validation runs on every change, deferred so typing never waits for it.
  const deferredGraph = React.useDeferredValue(flowGraph);
  const issues = React.useMemo(() => validateGraph(deferredGraph, { globals }), [deferredGraph, globals]);
  const [refusal, setRefusal] = React.useState<{ message: string; issues: GraphIssue[] } | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);

  const stats = useQuery({
    queryKey: ["flow-stats", base],
    queryFn: ({ signal }) => apiFetch<{ stats: NodeStatsView }>(`${base}/stats`, { signal }).then((r) => r.stats),
    refetchInterval: 30_000,
  });
  const [activeNodeId, setActiveNodeId] = React.useState<string | null>(null);
  const [testOpen, setTestOpen] = React.useState(false);

  React.useEffect(() => {
    const next = new Map<string, NodeDecoration>();
    const entry = (id: string) => {
      let d = next.get(id);
      if (!d) next.set(id, (d = { issues: [], counters: null, active: false }));
      return d;
    };
    for (const issue of issues) if (issue.nodeId) entry(issue.nodeId).issues.push(issue);
    for (const [id, counters] of Object.entries(stats.data?.nodes ?? {})) entry(id).counters = counters;
    if (activeNodeId) entry(activeNodeId).active = true;
    decorations.set(next);
  }, [issues, stats.data, activeNodeId, decorations]);

  // Leaving with unsaved edits: let the browser ask.
  React.useEffect(() => {
    if (!autosave.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [autosave.dirty]);

  const onNodesChange = React.useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const g = graphRef.current;
      const nodes = applyNodeChanges(changes, g.nodes);
      if (changes.some((c) => c.type === "remove")) {
        const removed = new Set(changes.flatMap((c) => (c.type === "remove" ? [c.id] : [])));
        history.record(g, "delete");
        setGraph({ nodes, edges: g.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target)) });
      } else setGraph({ ...g, nodes });
    },
    [history, setGraph],
  );
  const onEdgesChange = React.useCallback(
    (changes: EdgeChange<EditorEdge>[]) => {
      const g = graphRef.current;
      if (changes.some((c) => c.type === "remove")) history.record(g, "delete");
      setGraph({ ...g, edges: applyEdgeChanges(changes, g.edges) });
    },
    [history, setGraph],
  );
  const onConnect = React.useCallback(
    (c: Connection) => {
      const handle = c.sourceHandle ?? "next";
      // One exit leads to one node: a new connection from an exit replaces the old one.
      commit((g) => ({
        ...g,
        edges: [
          ...g.edges.filter((e) => !(e.source === c.source && (e.sourceHandle ?? "next") === handle)),
          { id: `e-${c.source}-${handle}-${c.target}`, source: c.source, target: c.target, sourceHandle: handle },
        ],
      }));
    },
    [commit],
  );

  const addNode = React.useCallback(
    (type: NodeType, position: { x: number; y: number }) => {
      const node = { ...newNode(type, position), selected: true };
      commit((g) => ({ ...g, nodes: [...g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node] }));
    },
    [commit],
  );

  const updateNodeData = React.useCallback(
    (nodeId: string, data: Record<string, unknown>) => {
      commit((g) => {
        const node = g.nodes.find((n) => n.id === nodeId);
        if (!node) return g;
        // Exits that disappeared (a removed button, rule or row) take their edges with them.
        const exits = new Set(nodeExits({ type: node.type as NodeType, data: parsedData(node.type as NodeType, data) }).map((e) => e.id));
        return {
          nodes: g.nodes.map((n) => (n.id === nodeId ? { ...n, data } : n)),
          edges: g.edges.filter((e) => e.source !== nodeId || exits.has(e.sourceHandle ?? "next")),
        };
      }, `data-${nodeId}`);
    },
    [commit],
  );

  const deleteNode = React.useCallback(
    (nodeId: string) => commit((g) => ({ nodes: g.nodes.filter((n) => n.id !== nodeId), edges: g.edges.filter((e) => e.source !== nodeId && e.target !== nodeId) })),
    [commit],
  );

  const undo = React.useCallback(() => {
    const previous = history.undo(graphRef.current);
    if (previous) setGraph(previous);
  }, [history, setGraph]);
  const redo = React.useCallback(() => {
    const next = history.redo(graphRef.current);
    if (next) setGraph(next);
  }, [history, setGraph]);

  // Copy/paste within the editor (and across flows in this tab): the selected nodes and the edges among them.
  const clipboard = React.useRef<EditorGraph | null>(null);
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey && !readOnly) {
        e.preventDefault();
        undo();
      } else if ((key === "y" || (key === "z" && e.shiftKey)) && !readOnly) {
        e.preventDefault();
        redo();
      } else if (key === "c") {
        const g = graphRef.current;
        const nodes = g.nodes.filter((n) => n.selected && n.type !== "start");
        if (nodes.length === 0) return;
        const ids = new Set(nodes.map((n) => n.id));
        clipboard.current = { nodes, edges: g.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
      } else if (key === "v" && clipboard.current && !readOnly) {
        e.preventDefault();
        const copied = clipboard.current;
        const ids = new Map(copied.nodes.map((n) => [n.id, newNode(n.type as NodeType, n.position).id]));
        commit((g) => ({
          nodes: [
            ...g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
            ...copied.nodes.map((n) => ({ id: ids.get(n.id)!, type: n.type, data: structuredClone(n.data), position: { x: n.position.x + 40, y: n.position.y + 40 }, selected: true })),
          ],
          edges: [
            ...g.edges,
            ...copied.edges.map((edge) => ({ ...edge, id: `e-${ids.get(edge.source)}-${edge.sourceHandle ?? "next"}-${ids.get(edge.target)}`, source: ids.get(edge.source)!, target: ids.get(edge.target)!, selected: false })),
          ],
        }));
        clipboard.current = { nodes: copied.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y + 40 } })), edges: copied.edges };
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [commit, undo, redo, readOnly]);

  const onDrop = React.useCallback(
    (e: React.DragEvent) => {
      const type = e.dataTransfer.getData(NODE_DRAG_MIME) as NodeType;
      if (!type || readOnly) return;
      e.preventDefault();
      const point = reactFlow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNode(type, { x: point.x - 128, y: point.y - 20 });
    },
    [reactFlow, addNode, readOnly],
  );

  const addAtCentre = React.useCallback(
    (type: NodeType) => {
      const box = document.querySelector(".react-flow")?.getBoundingClientRect();
      const point = box ? reactFlow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
      addNode(type, { x: point.x - 128 + Math.random() * 40, y: point.y - 40 + Math.random() * 40 });
    },
    [reactFlow, addNode],
  );

  const focusNode = React.useCallback(
    (nodeId: string) => {
      setGraph({ ...graphRef.current, nodes: graphRef.current.nodes.map((n) => ({ ...n, selected: n.id === nodeId })) });
      void reactFlow.fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
    },
    [reactFlow, setGraph],
  );

  const onPublished = React.useCallback(
    (outcome: PublishOutcome) => {
      if (outcome.ok) {
        setRefusal(null);
        setNotice(t("publish.done", { version: outcome.published.version }));
        setFlow((f) => ({ ...f, status: "active", publishedVersionId: outcome.published.versionId, publishedVersion: outcome.published.version }));
        setDraftDiffers(false);
        void queryClient.invalidateQueries({ queryKey: ["flow-versions", base] });
        void queryClient.invalidateQueries({ queryKey: ["flow-stats", base] });
      } else {
        setNotice(null);
        // The server's own sentence is English; the count says the same in the reader's language.
        setRefusal({ message: outcome.issues.length > 0 ? t("publish.refused", { count: outcome.issues.length }) : outcome.message, issues: outcome.issues });
      }
    },
    [t, queryClient, base],
  );

  const onRestored = React.useCallback(
    (restored: DraftView) => {
      const next = fromFlowGraph(restored.graph as FlowGraph);
      history.record(graphRef.current);
      setGraph(next);
      autosave.reset(restored.revision, JSON.stringify(toFlowGraph(next)));
      setNotice(t("versions.restored"));
      setDraftDiffers(true);
      setRefusal(null);
      window.setTimeout(() => void reactFlow.fitView({ duration: 200 }), 50);
    },
    [history, setGraph, autosave, t, reactFlow],
  );

  // While testing, follow the conversation: centre the node the test session is on.
  React.useEffect(() => {
    if (!activeNodeId) return;
    const node = graphRef.current.nodes.find((n) => n.id === activeNodeId);
    if (!node) return;
    const w = node.measured?.width ?? 256;
    const h = node.measured?.height ?? 120;
    void reactFlow.setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: reactFlow.getZoom(), duration: 300 });
  }, [activeNodeId, reactFlow]);

  const canvasRef = React.useRef<HTMLDivElement>(null);
  const minimap = useMinimap(canvasRef);
  const selected = graph.nodes.filter((n) => n.selected);
  const selectedNode = selected.length === 1 ? selected[0] : null;
  const options: EditorOptions = React.useMemo(() => ({ flows, currentFlowId: flow.id }), [flows, flow.id]);
  const typeById = React.useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.type as NodeType])), [graph.nodes]);
  const nodeLabel = React.useCallback(
    (nodeId: string) => {
      const type = typeById.get(nodeId);
      return type ? t(`nodeTypes.${type}`) : nodeId;
    },
    [t, typeById],
  );

  return (
    <div className="flex h-[calc(100svh-var(--shell-top,0px))] flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b px-3 py-2">
        <Button asChild variant="ghost" size="icon" aria-label={t("back")}>
          <Link href={`/${orgSlug}/flows`}>
            <ArrowLeftIcon aria-hidden="true" />
          </Link>
        </Button>
        <h1 className="truncate font-semibold" data-testid="flow-title">
          {flow.name}
        </h1>
        <FlowStatusBadge status={flow.status} version={flow.publishedVersion} draftDiffers={draftDiffers} />
        {canManage && <SaveIndicator status={autosave.status} onReload={() => window.location.reload()} />}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {canManage && (
            <>
              <Button type="button" variant="ghost" size="icon" aria-label={t("undo")} title={t("undo")} disabled={!history.canUndo} onClick={undo}>
                <Undo2Icon aria-hidden="true" />
              </Button>
              <Button type="button" variant="ghost" size="icon" aria-label={t("redo")} title={t("redo")} disabled={!history.canRedo} onClick={redo}>
                <Redo2Icon aria-hidden="true" />
              </Button>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => {
                  commit((g) => ({ ...g, nodes: autoLayout(g) }));
                  window.setTimeout(() => void reactFlow.fitView({ duration: 300, maxZoom: 1 }), 50);
                }}
              >
                <LayoutGridIcon aria-hidden="true" />
                {t("autoLayout")}
              </Button>
            </>
          )}
          <FlowSettingsDialog base={base} flow={flow} readOnly={readOnly} onSaved={setFlow} />
          <VersionsDialog base={base} canManage={canManage} onBeforeRestore={autosave.saveNow} onRestored={onRestored} />
          {canManage && (
            <Button type="button" variant={testOpen ? "secondary" : "outline"} size="sm" aria-pressed={testOpen} onClick={() => setTestOpen((o) => !o)}>
              <FlaskConicalIcon aria-hidden="true" />
              {t("test.open")}
            </Button>
          )}
          {canManage && <PublishButton url={`${base}/publish`} beforePublish={autosave.saveNow} onOutcome={onPublished} />}
        </div>
      </header>
      {(notice || refusal) && (
        <div
          role={refusal ? "alert" : "status"}
          data-testid={refusal ? "publish-refusal" : "editor-notice"}
          className={refusal ? "border-b border-destructive/40 bg-destructive/5 px-4 py-2 text-sm text-destructive" : "border-b bg-emerald-50 px-4 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"}
        >
          <div className="flex items-start gap-2">
            <p className="font-medium">{refusal ? refusal.message : notice}</p>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              className="ml-auto size-6"
              aria-label={t("dismiss")}
              onClick={() => {
                setRefusal(null);
                setNotice(null);
              }}
            >
              <XIcon aria-hidden="true" />
            </Button>
          </div>
          {refusal && refusal.issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {refusal.issues.map((issue, i) => (
                <li key={i}>
                  {issue.nodeId && (
                    <button type="button" className="font-medium underline" onClick={() => focusNode(issue.nodeId!)}>
                      {nodeLabel(issue.nodeId)}
                    </button>
                  )}
                  {issue.nodeId && ": "}
                  {issueMessage(issue)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="relative flex min-h-0 flex-1">
        {canManage && <NodePalette hasStart={graph.nodes.some((n) => n.type === "start")} onAdd={addAtCentre} />}
        <div ref={canvasRef} className="relative min-w-0 flex-1" onDrop={onDrop} onDragOver={(e) => (e.preventDefault(), (e.dataTransfer.dropEffect = "move"))} data-testid="flow-canvas">
          <ReactFlow<EditorNode, EditorEdge>
            nodes={graph.nodes}
            edges={graph.edges}
            nodeTypes={flowNodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={() => history.record(graphRef.current)}
            isValidConnection={(c) => c.source !== c.target}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={readOnly ? null : ["Backspace", "Delete"]}
            defaultEdgeOptions={{ type: "smoothstep" }}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            minZoom={0.05}
            onlyRenderVisibleElements
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <CanvasMinimap shown={minimap.shown} />
            <Controls>
              <MinimapToggle shown={minimap.shown} onToggle={minimap.toggle} />
            </Controls>
          </ReactFlow>
        </div>
        {/* The test phone takes the settings panel's place: the canvas keeps its room. */}
        {/* On a tablet the panel narrows; on a phone it rises over the canvas only while a node is selected. */}
        <aside
          data-testid="node-settings-aside"
          className={
            testOpen
              ? "hidden"
              : `${selectedNode ? "absolute inset-x-0 bottom-0 z-10 max-h-[55%] border-t bg-background shadow-lg" : "hidden"} overflow-y-auto p-3 md:static md:block md:max-h-none md:w-72 md:shrink-0 md:border-t-0 md:border-l md:shadow-none xl:w-80`
          }
        >
          {selectedNode ? (
            <NodeSettingsPanel
              key={selectedNode.id}
              node={selectedNode}
              issues={issues.filter((i) => i.nodeId === selectedNode.id)}
              options={options}
              readOnly={readOnly}
              onChange={updateNodeData}
              onDelete={deleteNode}
            />
          ) : (
            <IssuesList issues={issues} nodeLabel={nodeLabel} onSelect={focusNode} />
          )}
        </aside>
        {testOpen && (
          <aside className="absolute inset-0 z-10 bg-background md:static md:w-80 md:shrink-0 md:border-l xl:w-96">
            <TestPanel orgSlug={orgSlug} base={base} channels={sandboxChannels} beforeStart={autosave.saveNow} onActiveNode={setActiveNodeId} onClose={() => setTestOpen(false)} />
          </aside>
        )}
      </div>
    </div>
  );
}
