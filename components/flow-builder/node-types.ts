import type { NodeTypes } from "@xyflow/react";

import { nodeTypes as allNodeTypes } from "@/lib/flows/nodes/node-specs";
import { FlowNode } from "./flow-node";

/** At module scope on purpose: a new object per render would make React Flow remount every node. */
export const flowNodeTypes: NodeTypes = Object.fromEntries(allNodeTypes.map((type) => [type, FlowNode]));
