import { describe, expect, it } from "vitest";
import { Conversation, context, graphOf } from "./run-conversation";

const start = { id: "s", type: "start" };
const done = (id: string, message: string) => ({ id, type: "end", data: { message } });

describe("node executors: every type, every exit", () => {
  it("send_message: text with variables, and media with a caption", () => {
    const g = graphOf(
      [start, { id: "m", type: "send_message", data: { text: "Hi {{contact.name}} on {{system.channel}} ({{globals.brand}})" } }, { id: "img", type: "send_message", data: { text: "Look", media: { kind: "image", url: "https://cdn.example/{{contact.wa_id}}.png" } } }],
      [["s", "next", "m"], ["m", "next", "img"]],
    );
    const c = new Conversation(g, context({ globals: { brand: "Acme" } }));
    expect(c.send("x")).toEqual(["Hi Maria Silva on Acme (Acme)", "[image]"]);
    expect(c.last.messages[1].message).toEqual({ type: "image", media: { link: "https://cdn.example/5511988887777.png" }, caption: "Look" });
    expect(c.state.status).toBe("completed");
  });

  it("buttons: each button's exit by tap id, by title, fallback after re-prompts", () => {
    const g = graphOf(
      [start, { id: "b", type: "buttons", data: { body: "Pick", buttons: [{ id: "y", title: "Yes" }, { id: "n", title: "Não" }], variable: "answer", maxRetries: 2, retryMessage: "Again" } }, done("yes", "YES"), done("no", "NO {{answer}}"), done("fb", "FALLBACK")],
      [["s", "next", "b"], ["b", "y", "yes"], ["b", "n", "no"], ["b", "fallback", "fb"]],
    );
    let c = new Conversation(g);
    c.send("go");
    expect(c.last.messages[0].message).toEqual({ type: "buttons", body: "Pick", buttons: [{ id: "y", title: "Yes" }, { id: "n", title: "Não" }] });
    expect(c.send({ type: "message", text: "whatever the label", replyId: "y" })).toEqual(["YES"]);
    c = new Conversation(g);
    c.send("go");
    expect(c.send("nao")).toEqual(["NO Não"]);
    c = new Conversation(g);
    c.send("go");
    expect(c.send("?")).toEqual(["Again", "[buttons] Pick | Yes / Não"]);
    expect(c.send("??")).toEqual(["Again", "[buttons] Pick | Yes / Não"]);
    expect(c.send("???")).toEqual(["FALLBACK"]);
  });

  it("buttons sent as numbered text: '2', '2.' and yes/no words (two options only) pick the same exit as a tap", () => {
    const two = graphOf(
      [start, { id: "b", type: "buttons", data: { body: "Entrega amanhã?", buttons: [{ id: "ok", title: "Confirmar" }, { id: "other", title: "Outro horário" }], maxRetries: 1, retryMessage: "De novo" } }, done("a", "A"), done("b2", "B"), done("fb", "FB")],
      [["s", "next", "b"], ["b", "ok", "a"], ["b", "other", "b2"], ["b", "fallback", "fb"]],
    );
    const answer = (text: string) => {
      const c = new Conversation(two);
      c.send("go");
      return c.send(text);
    };
    expect(answer("2")).toEqual(["B"]);
    expect(answer("2.")).toEqual(["B"]);
    expect(answer("Sim")).toEqual(["A"]);
    expect(answer("yes!")).toEqual(["A"]);
    expect(answer("Não")).toEqual(["B"]);
    expect(answer("no")).toEqual(["B"]);
    expect(answer("outro horario")).toEqual(["B"]);
    const three = graphOf(
      [start, { id: "b", type: "buttons", data: { body: "Qual?", buttons: [{ id: "x", title: "X" }, { id: "y", title: "Y" }, { id: "z", title: "Z" }], maxRetries: 1, retryMessage: "De novo" } }, done("fb", "FB")],
      [["s", "next", "b"], ["b", "fallback", "fb"]],
    );
    const c = new Conversation(three);
    c.send("go");
    expect(c.send("sim")).toEqual(["De novo", "[buttons] Qual? | X / Y / Z"]);
  });

  it("list: row exits and fallback", () => {
    const g = graphOf(
      [
        start,
        { id: "l", type: "list", data: { body: "Menu", button: "See", sections: [{ id: "s1", title: "Food", rows: [{ id: "pizza", title: "Pizza", description: "Hot" }] }, { id: "s2", title: "Drinks", rows: [{ id: "tea", title: "Tea" }] }], maxRetries: 0 } },
        done("p", "PIZZA"),
        done("t", "TEA"),
        done("fb", "FB"),
      ],
      [["s", "next", "l"], ["l", "pizza", "p"], ["l", "tea", "t"], ["l", "fallback", "fb"]],
    );
    let c = new Conversation(g);
    c.send("x");
    expect(c.last.messages[0].message).toMatchObject({ type: "list", button: "See", sections: [{ title: "Food", rows: [{ id: "pizza", title: "Pizza", description: "Hot" }] }, { title: "Drinks", rows: [{ id: "tea", title: "Tea" }] }] });
    expect(c.send({ type: "message", text: "Tea", replyId: "tea" })).toEqual(["TEA"]);
    c = new Conversation(g);
    c.send("x");
    expect(c.send("pizza")).toEqual(["PIZZA"]);
    c = new Conversation(g);
    c.send("x");
    expect(c.send("coffee")).toEqual(["FB"]);
  });

  it("question: next with the normalised value, gave_up after maxTries", () => {
    const g = graphOf(
      [start, { id: "q", type: "question", data: { prompt: "Email?", kind: "email", variable: "email", retryMessage: "Bad", maxTries: 2 } }, done("ok", "Got {{email}}"), done("gu", "GAVE UP")],
      [["s", "next", "q"], ["q", "next", "ok"], ["q", "gave_up", "gu"]],
    );
    let c = new Conversation(g);
    expect(c.send("x")).toEqual(["Email?"]);
    expect(c.send("nope")).toEqual(["Bad"]);
    expect(c.send(" Ana@Example.COM ")).toEqual(["Got ana@example.com"]);
    c = new Conversation(g);
    c.send("x");
    c.send("nope");
    expect(c.send("still nope")).toEqual(["GAVE UP"]);
    expect(c.state.retries).toEqual({});
  });

  it("condition: AND / OR rules in order, else; contact fields and operators", () => {
    const g = graphOf(
      [
        start,
        { id: "set", type: "set_variable", data: { assignments: [{ id: "a", name: "city", value: "São Paulo" }, { id: "b", name: "age", value: "17" }] } },
        {
          id: "c",
          type: "condition",
          data: {
            rules: [
              { id: "adult_sp", combinator: "and", comparisons: [{ id: "1", left: "city", operator: "equals", right: "são paulo" }, { id: "2", left: "age", operator: "greater_than", right: "17" }] },
              { id: "maria_or_rio", combinator: "or", comparisons: [{ id: "3", left: "city", operator: "equals", right: "Rio" }, { id: "4", left: "contact.first_name", operator: "starts_with", right: "Mar" }] },
            ],
          },
        },
        done("r1", "R1"),
        done("r2", "R2"),
        done("el", "ELSE"),
      ],
      [["s", "next", "set"], ["set", "next", "c"], ["c", "adult_sp", "r1"], ["c", "maria_or_rio", "r2"], ["c", "else", "el"]],
    );
    expect(new Conversation(g).send("x")).toEqual(["R2"]);
    expect(new Conversation(g, context({ contact: { first_name: "João" } })).send("x")).toEqual(["ELSE"]);
    const adult = graphOf(
      [start, { id: "c", type: "condition", data: { rules: [{ id: "r", comparisons: [{ id: "1", left: "system.last_input", operator: "matches_regex", right: "^\\d+$" }, { id: "2", left: "missing", operator: "is_empty" }] }] } }, done("r1", "R1"), done("el", "ELSE")],
      [["s", "next", "c"], ["c", "r", "r1"], ["c", "else", "el"]],
    );
    expect(new Conversation(adult).send("42")).toEqual(["R1"]);
    expect(new Conversation(adult).send("forty")).toEqual(["ELSE"]);
  });

  it("set_variable: flow variables, contact fields (visible at once) and tags become one effect", () => {
    const g = graphOf(
      [
        start,
        { id: "set", type: "set_variable", data: { assignments: [{ id: "a", name: "greeting", value: "Olá" }, { id: "b", scope: "contact", name: "name", value: "Ana Souza" }, { id: "c", scope: "contact", name: "plan", value: "{{greeting}} gold" }], addTags: ["vip"], removeTags: ["lead"] } },
        { id: "m", type: "send_message", data: { text: "{{greeting}} {{contact.first_name}}, plan {{contact.plan}}" } },
      ],
      [["s", "next", "set"], ["set", "next", "m"]],
    );
    const c = new Conversation(g);
    expect(c.send("x")).toEqual(["Olá Ana, plan Olá gold"]);
    expect(c.last.effects[0]).toMatchObject({ type: "update_contact", nodeId: "set", name: "Ana Souza", attributes: { plan: "Olá gold" }, addTags: ["vip"], removeTags: ["lead"] });
    expect(c.state.variables).toEqual({ greeting: "Olá" });
  });

  it("http_request: asks for the call, maps the response on success, failure otherwise", () => {
    const g = graphOf(
      [
        start,
        { id: "q", type: "question", data: { prompt: "Order?", variable: "order" } },
        { id: "h", type: "http_request", data: { method: "POST", url: "https://api.example/orders/{{order}}?x=1", headers: [{ id: "h1", name: "Authorization", value: "Bearer {{globals.token}}" }], body: '{"q":"{{order}}"}', responseMappings: [{ id: "m1", path: "data.status", variable: "status" }], statusVariable: "code" } },
        done("ok", "Status {{status}} ({{code}})"),
        done("ko", "Failed {{code}}"),
      ],
      [["s", "next", "q"], ["q", "next", "h"], ["h", "success", "ok"], ["h", "failure", "ko"]],
    );
    const c = new Conversation(g, context({ globals: { token: "t0k" } }));
    c.send("x");
    expect(c.send('A/1 "x"')).toEqual([]);
    expect(c.blocking).toMatchObject({
      type: "http",
      request: { method: "POST", url: "https://api.example/orders/A%2F1%20%22x%22?x=1", headers: { Authorization: "Bearer t0k", "content-type": "application/json" }, body: '{"q":"A/1 \\"x\\""}', timeoutMs: 10000 },
    });
    const token = c.blocking!.seq;
    expect(c.state.waiting).toEqual({ nodeId: "h", kind: "http", token });
    expect(c.send({ type: "message", text: "impatient" })).toEqual([]);
    expect(c.last.ignored).toBe(true);
    const waiting = c.state;
    expect(c.send({ type: "http_result", token, ok: true, status: 200, body: { data: { status: "shipped" } } })).toEqual(["Status shipped (200)"]);
    c.state = waiting;
    expect(c.send({ type: "http_result", token, ok: false, status: 503, body: null })).toEqual(["Failed 503"]);
  });

  it("ai_reply: sends and stores the answer on success; failure exit when it fails", () => {
    const g = graphOf(
      [start, { id: "ai", type: "ai_reply", data: { systemPrompt: "You sell {{globals.product}}", variable: "answer" } }, done("ok", "(stored: {{answer}})"), done("ko", "AI unavailable")],
      [["s", "next", "ai"], ["ai", "success", "ok"], ["ai", "failure", "ko"]],
    );
    const c = new Conversation(g, context({ globals: { product: "tea" } }));
    c.send("what do you sell?");
    expect(c.blocking).toMatchObject({ type: "ai", request: { messages: [{ role: "system", content: "You sell tea" }, { role: "user", content: "what do you sell?" }], model: "", maxTokens: 500 } });
    const token = c.blocking!.seq;
    const waiting = c.state;
    expect(c.send({ type: "ai_result", token, ok: true, text: "Tea!" })).toEqual(["Tea!", "(stored: Tea!)"]);
    c.state = waiting;
    expect(c.send({ type: "ai_result", token, ok: false, error: "not configured" })).toEqual(["AI unavailable"]);
  });

  it("delay: a timer, messages meanwhile ignored, a stale token ignored", () => {
    const g = graphOf([start, { id: "d", type: "delay", data: { seconds: 30 } }, done("after", "AFTER")], [["s", "next", "d"], ["d", "next", "after"]]);
    const c = new Conversation(g);
    c.send("x");
    expect(c.blocking).toMatchObject({ type: "timer", seconds: 30, reason: "delay" });
    const token = c.blocking!.seq;
    c.send("hello?");
    expect(c.last.ignored).toBe(true);
    c.send({ type: "timer", token: token + 7 });
    expect(c.last.ignored).toBe(true);
    expect(c.send({ type: "timer", token })).toEqual(["AFTER"]);
  });

  it("wait_for_reply: reply exit with the text, timeout exit with the timer", () => {
    const g = graphOf([start, { id: "w", type: "wait_for_reply", data: { timeoutMinutes: 2, variable: "said" } }, done("r", "You said {{said}}"), done("t", "Still there?")], [["s", "next", "w"], ["w", "reply", "r"], ["w", "timeout", "t"]]);
    let c = new Conversation(g);
    c.send("x");
    expect(c.blocking).toMatchObject({ type: "timer", seconds: 120, reason: "reply_timeout" });
    expect(c.send("hi")).toEqual(["You said hi"]);
    c = new Conversation(g);
    c.send("x");
    expect(c.send({ type: "timer", token: c.blocking!.seq })).toEqual(["Still there?"]);
  });

  it("handoff, jump_to_flow and end are terminal with their effects", () => {
    const handoff = new Conversation(graphOf([start, { id: "h", type: "handoff", data: { message: "Wait", departmentId: "d1", assigneeId: "u1", note: "n" } }], [["s", "next", "h"]]));
    expect(handoff.send("x")).toEqual(["Wait"]);
    expect(handoff.last.effects).toMatchObject([{ type: "handoff", departmentId: "d1", assigneeId: "u1", note: "n" }, { type: "end", reason: "handoff" }]);
    const jump = new Conversation(graphOf([start, { id: "set", type: "set_variable", data: { assignments: [{ id: "a", name: "v", value: "1" }] } }, { id: "j", type: "jump_to_flow", data: { flowId: "f2" } }], [["s", "next", "set"], ["set", "next", "j"]]));
    jump.send("x");
    expect(jump.last.effects).toMatchObject([{ type: "jump", flowId: "f2", variables: { v: "1" } }, { type: "end", reason: "jump" }]);
    expect(jump.state.status).toBe("completed");
    const end = new Conversation(graphOf([start, { id: "e", type: "end" }], [["s", "next", "e"]]));
    expect(end.send("x")).toEqual([]);
    expect(end.state).toMatchObject({ status: "completed", endReason: "completed" });
  });

  it("send_template: named or positional parameters from variables", () => {
    const g = graphOf(
      [start, { id: "t", type: "send_template", data: { name: "order_update", language: "pt_BR", bodyParameters: [{ name: "", value: "{{contact.first_name}}" }, { name: "", value: "{{nothing}}" }] } }, done("e", "")],
      [["s", "next", "t"], ["t", "next", "e"]],
    );
    const c = new Conversation(g);
    c.send("x");
    expect(c.last.messages[0].message).toEqual({ type: "template", name: "order_update", language: "pt_BR", components: [{ type: "body", parameters: [{ type: "text", text: "Maria" }, { type: "text", text: "-" }] }] });
  });

  it("an unconnected exit ends quietly; a loop without input fails the session", () => {
    const open = new Conversation(graphOf([start, { id: "m", type: "send_message", data: { text: "Hi" } }], [["s", "next", "m"]]));
    expect(open.send("x")).toEqual(["Hi"]);
    expect(open.state.status).toBe("completed");
    const loop = new Conversation(graphOf([start, { id: "a", type: "set_variable", data: { assignments: [{ id: "x", name: "n", value: "1" }] } }], [["s", "next", "a"], ["a", "next", "a"]]));
    loop.send("x");
    expect(loop.state.status).toBe("failed");
    expect(loop.state.endReason).toMatch(/loop/);
  });

  it("a start input (API, jump) starts a fresh session without a message", () => {
    const c = new Conversation(graphOf([start, { id: "m", type: "send_message", data: { text: "Hello" } }], [["s", "next", "m"]]));
    expect(c.send({ type: "start" })).toEqual(["Hello"]);
  });
});
