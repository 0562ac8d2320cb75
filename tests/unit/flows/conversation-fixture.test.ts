import { describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/flows/validate-graph";
import { Conversation, loadFixture } from "./run-conversation";

const graph = loadFixture("support-bot");

describe("whole conversations on the support-bot fixture", () => {
  it("the fixture is a valid graph", () => {
    expect(validateGraph(graph).filter((i) => i.severity === "error")).toEqual([]);
  });

  it("greeting → menu → question with a bad then a good answer → handoff", () => {
    const c = new Conversation(graph);
    expect(c.send("oi")).toEqual(["Hi Maria! Welcome to Acme.", "[buttons] How can we help? | Sales / Support"]);
    expect(c.state).toMatchObject({ status: "waiting", currentNodeId: "menu", waiting: { kind: "input" } });
    expect(c.send({ type: "message", text: "Support", replyId: "support" })).toEqual(["What is your CPF?"]);
    expect(c.send("123.456.789-00")).toEqual(["That CPF is not valid, try again."]);
    expect(c.state.currentNodeId).toBe("ask_doc");
    expect(c.send("529.982.247-25")).toEqual(["Connecting you to an agent (Support, CPF 52998224725)."]);
    expect(c.state).toMatchObject({ status: "completed", endReason: "handoff", variables: { topic: "Support", cpf: "52998224725" } });
    expect(c.last.effects.map((e) => e.type)).toEqual(["handoff", "end"]);
    expect(c.last.effects[0]).toMatchObject({ type: "handoff", note: "Topic Support", departmentId: null });
  });

  it("sales → number → condition true → message then handoff", () => {
    const c = new Conversation(graph);
    c.send("hello");
    expect(c.send("sales")).toEqual(["How many licences?"]);
    expect(c.send("lots")).toEqual(["A number, please."]);
    expect(c.send("1.500")).toEqual(["1500 licences! Our enterprise team will call you.", "Connecting you to an agent (Sales, CPF )."]);
  });

  it("sales → condition else → end", () => {
    const c = new Conversation(graph);
    c.send("hello");
    c.send("1"); // the first button by its number
    expect(c.send("12")).toEqual(["Buy online at acme.example, Maria Silva."]);
    expect(c.state).toMatchObject({ status: "completed", endReason: "completed" });
  });

  it("unrecognised input at the menu: one re-prompt, then the fallback exit", () => {
    const c = new Conversation(graph);
    c.send("oi");
    expect(c.send("banana")).toEqual(["Please tap one of the buttons.", "[buttons] How can we help? | Sales / Support"]);
    expect(c.send("apple")).toEqual(["Sorry, I could not understand. Bye!"]);
    expect(c.state.status).toBe("completed");
  });

  it("too many bad answers leave through gave_up", () => {
    const c = new Conversation(graph);
    c.send("oi");
    c.send("Sales");
    c.send("x");
    expect(c.send("y")).toEqual(["Let me get you a person."]);
    expect(c.state.endReason).toBe("handoff");
  });

  it("numbers every message and effect with increasing seq (the idempotency keys)", () => {
    const c = new Conversation(graph);
    c.send("oi");
    const first = c.last.messages.map((m) => m.seq);
    c.send("Support");
    const second = c.last.messages.map((m) => m.seq);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([3]);
  });

  it("counts entered and completed per node", () => {
    const c = new Conversation(graph);
    c.send("oi");
    expect(c.last.stats).toEqual([
      { nodeId: "start", entered: 1, completed: 1 },
      { nodeId: "greet", entered: 1, completed: 1 },
      { nodeId: "menu", entered: 1, completed: 0 },
    ]);
    c.send("Support");
    expect(c.last.stats).toEqual([
      { nodeId: "menu", entered: 0, completed: 1 },
      { nodeId: "ask_doc", entered: 1, completed: 0 },
    ]);
  });

  it("ignores input after the session ended, and is pure (the old state is untouched)", () => {
    const c = new Conversation(graph);
    c.send("oi");
    const before = structuredClone(c.state);
    c.send("Sales");
    expect(before.currentNodeId).toBe("menu");
    c.send("5");
    const ended = c.state;
    expect(c.send("hello again")).toEqual([]);
    expect(c.last.ignored).toBe(true);
    expect(c.state).toBe(ended);
  });
});
