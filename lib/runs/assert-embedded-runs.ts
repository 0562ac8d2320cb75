import { inngestMode } from "@/inngest/mode";
import { conflict } from "@/lib/errors";

/**
 * Cancel and replay act on the embedded executor's tables. With Inngest Cloud or a self-hosted Inngest server the
 * runs live there, so acting on them here would do nothing: say so instead (409).
 */
export function assertEmbeddedRuns(): void {
  if (inngestMode() !== "embedded") {
    throw conflict("Runs are managed in Inngest's own dashboard: this installation uses Inngest Cloud or a self-hosted Inngest server");
  }
}
