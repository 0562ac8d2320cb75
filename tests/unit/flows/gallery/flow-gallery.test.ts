import { describe, expect, it } from "vitest";
import { flowGraphSchema } from "@/lib/flows/graph-schema";
import { nodeSpecs, nodeTypes } from "@/lib/flows/nodes/node-specs";
import { blockingIssues, validateGraph } from "@/lib/flows/validate-graph";
import { buildGalleryFlow, flowGallery, needsConnection } from "@/lib/flows/gallery/flow-gallery";
import { galleryEntryIds, PLACEHOLDER_CONNECTION } from "@/lib/flows/gallery/gallery-entry";
import { locales } from "@/lib/i18n/locales";
import { validateAnswer } from "@/lib/flows/nodes/question/validate-answer";

describe("flow gallery", () => {
  it("lists every entry once", () => {
    expect(flowGallery.map((e) => e.id).sort()).toEqual([...galleryEntryIds].sort());
  });

  for (const id of galleryEntryIds) {
    for (const locale of locales) {
      it(`${id} (${locale}): a graph of existing node types that passes the schema and the validator`, () => {
        const flow = buildGalleryFlow(id, locale, "erp");
        expect(flow.name).not.toBe("");
        expect(flow.description).not.toBe("");
        expect(flowGraphSchema.safeParse(flow.graph).success).toBe(true);
        for (const n of flow.graph.nodes) {
          expect(nodeTypes).toContain(n.type);
          const parsed = nodeSpecs[n.type as keyof typeof nodeSpecs].schema.safeParse(n.data);
          expect(parsed.success, `${n.id}: ${parsed.error?.message}`).toBe(true);
        }
        const issues = validateGraph(flow.graph);
        expect(blockingIssues(issues), JSON.stringify(issues)).toEqual([]);
        // Every exit is wired: a gallery flow has no dead ends a customer could fall into.
        expect(issues.filter((i) => i.code === "missing_exit")).toEqual([]);
      });
    }
  }

  it("texts follow the user's language", () => {
    const en = JSON.stringify(buildGalleryFlow("second-copy-of-bill", "en", "erp"));
    const pt = JSON.stringify(buildGalleryFlow("second-copy-of-bill", "pt-BR", "erp"));
    expect(en).toContain("Boleto line");
    expect(pt).toContain("Linha digitável");
    expect(pt).not.toContain("Which bill");
  });

  it("without a connection, every HTTP node carries the placeholder and the validator flags it", () => {
    for (const id of galleryEntryIds.filter(needsConnection)) {
      const flow = buildGalleryFlow(id, "en");
      const http = flow.graph.nodes.filter((n) => n.type === "http_request");
      expect(http.length).toBeGreaterThan(0);
      expect(http.every((n) => n.data.connection === PLACEHOLDER_CONNECTION)).toBe(true);
      const flagged = blockingIssues(validateGraph(flow.graph)).filter((i) => i.code === "missing_setting" && /connection/.test(i.message));
      expect(flagged.map((i) => i.nodeId).sort()).toEqual(http.map((n) => n.id).sort());
    }
  });

  it("the identify flow asks a CPF or CNPJ and checks its digits", () => {
    const ask = buildGalleryFlow("identify-customer", "pt-BR", "erp").graph.nodes.find((n) => n.id === "id_ask_document")!;
    expect(ask.data.kind).toBe("document");
    expect(validateAnswer("529.982.247-25", { kind: "document", pattern: "", defaultCountry: "BR" })).toEqual({ ok: true, value: "52998224725" });
    expect(validateAnswer("529.982.247-24", { kind: "document", pattern: "", defaultCountry: "BR" })).toEqual({ ok: false });
    expect(validateAnswer("11.222.333/0001-81", { kind: "document", pattern: "", defaultCountry: "BR" })).toEqual({ ok: true, value: "11222333000181" });
  });
});

describe("validator: HTTP node with a connection", () => {
  const graph = (data: Record<string, unknown>) => ({
    nodes: [
      { id: "s", type: "start", position: { x: 0, y: 0 }, data: { triggers: [{ kind: "any_message" }] } },
      { id: "h", type: "http_request", position: { x: 0, y: 0 }, data },
      { id: "e", type: "end", position: { x: 0, y: 0 }, data: { message: "ok" } },
    ],
    edges: [
      { id: "a", source: "s", target: "h", sourceHandle: "next" },
      { id: "b", source: "h", target: "e", sourceHandle: "success" },
      { id: "c", source: "h", target: "e", sourceHandle: "failure" },
    ],
  });
  const codes = (data: Record<string, unknown>) => blockingIssues(validateGraph(graph(data))).map((i) => i.code);
  it("a path under a named connection is fine; a full URL with a connection, or no URL without one, is not", () => {
    expect(codes({ connection: "erp", url: "/customers" })).toEqual([]);
    expect(codes({ connection: "erp", url: "" })).toEqual([]);
    expect(codes({ connection: "erp", url: "https://evil.example/x" })).toEqual(["invalid_url"]);
    expect(codes({ url: "/customers" })).toEqual(["invalid_url"]);
    expect(codes({ connection: PLACEHOLDER_CONNECTION, url: "/customers" })).toEqual(["missing_setting"]);
  });
});
