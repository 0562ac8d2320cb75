import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The real lint configuration, run on snippets placed where they would live: lib/ and app/ may not reach the
// executor's internals; lib/jobs (the one door) may.
const eslint = new ESLint({ cwd: path.resolve(__dirname, "../..") });
const lint = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, "../..", file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
};

describe("lib/jobs is the only door to the executor", () => {
  it("refuses an executor import in lib/ and app/", async () => {
    expect(await lint("lib/whatsapp/anything.ts", 'import { withTx } from "@/inngest/executor/db";\nexport const x = withTx;\n')).toEqual([expect.stringContaining("@/lib/jobs")]);
    expect(await lint("app/api/v1/thing/route.ts", 'import { startExecutor } from "@/inngest/executor";\nexport const x = startExecutor;\n')).toHaveLength(1);
    expect(await lint("lib/runs/x.ts", 'import { cancelRun } from "../../inngest/executor/cancel-run";\nexport const x = cancelRun;\n')).toHaveLength(1);
  });

  it("allows it in lib/jobs, and allows lib/jobs everywhere", async () => {
    expect(await lint("lib/jobs/x.ts", 'import { withTx } from "@/inngest/executor/db";\nexport const x = withTx;\n')).toEqual([]);
    expect(await lint("lib/whatsapp/anything.ts", 'import { enqueueInTransaction } from "@/lib/jobs";\nexport const x = enqueueInTransaction;\n')).toEqual([]);
  });
});

describe("the flow engine imports no provider module", () => {
  it("refuses Graph API, sandbox, Evolution and adapter imports in the engine and its nodes", async () => {
    expect(await lint("lib/flows/engine/x.ts", 'import { buildSendBody } from "@/lib/whatsapp/graph/build-send-body";\nexport const x = buildSendBody;\n')).toEqual([expect.stringContaining("channel-neutral")]);
    expect(await lint("lib/flows/nodes/buttons/x.ts", 'import { evolutionSendRequest } from "@/lib/messages/providers/evolution-send-request";\nexport const x = evolutionSendRequest;\n')).toHaveLength(1);
    expect(await lint("lib/flows/nodes/list/x.ts", 'import { graphSendBody } from "@/lib/sandbox/graph-send-body";\nexport const x = graphSendBody;\n')).toHaveLength(1);
    expect(await lint("lib/flows/engine/x.ts", 'import { withTx } from "@/inngest/executor/db";\nexport const x = withTx;\n')).toHaveLength(1);
  });

  it("allows the neutral message there", async () => {
    expect(await lint("lib/flows/nodes/list/x.ts", 'import { outboundMessage } from "@/lib/messages/neutral/neutral-message";\nexport const x = outboundMessage;\n')).toEqual([]);
  });
});
