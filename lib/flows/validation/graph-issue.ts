/**
 * One problem in a flow graph, pinned to a node or an edge (or the graph when neither). Errors block publishing;
 * warnings are shown on the node but a flow with only warnings publishes.
 */
export type GraphIssue = {
  nodeId?: string;
  edgeId?: string;
  code: GraphIssueCode;
  severity: "error" | "warning";
  message: string;
};

export type GraphIssueCode =
  | "invalid_schema"
  | "no_start"
  | "multiple_starts"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  | "edge_unknown_node"
  | "edge_unknown_handle"
  | "duplicate_exit_edge"
  | "missing_exit"
  | "unreachable_node"
  | "too_many_buttons"
  | "too_few_items"
  | "too_many_rows"
  | "too_many_sections"
  | "too_long"
  | "empty_text"
  | "duplicate_item"
  | "reserved_item_id"
  | "unknown_variable"
  | "invalid_regex"
  | "missing_setting"
  | "invalid_url";
