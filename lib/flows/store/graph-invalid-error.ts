import { AppError } from "@/lib/errors";
import type { GraphIssue } from "@/lib/flows/validate-graph";

/** Publishing an invalid graph: a 422 that carries every issue, each tied to its node or edge. */
export class GraphInvalidError extends AppError {
  constructor(readonly graphIssues: GraphIssue[]) {
    super(
      "invalid_input",
      `The flow has ${graphIssues.length} problem${graphIssues.length === 1 ? "" : "s"} to fix before publishing`,
      graphIssues.map((i) => ({ path: i.nodeId ? `nodes.${i.nodeId}` : i.edgeId ? `edges.${i.edgeId}` : "graph", message: i.message })),
    );
  }

  /** The JSON body: the usual error plus `graphIssues` for the editor to pin on the nodes. */
  toResponse(): Response {
    return Response.json(
      { error: { code: this.code, message: this.message, issues: this.issues, graphIssues: this.graphIssues } },
      { status: this.status },
    );
  }
}
