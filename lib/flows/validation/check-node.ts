import type { FlowNode } from "../graph-schema";
import { RESERVED_EXIT_IDS } from "../nodes/exit-handle";
import type { GraphIssue } from "./graph-issue";
import { charCount, WA_LIMITS } from "./whatsapp-limits";

type Issue = Omit<GraphIssue, "nodeId">;

/** The settings problems of one node on its own (limits, required fields, regexes, item ids). */
export function checkNode(node: FlowNode): Issue[] {
  const issues: Issue[] = [];
  const err = (code: GraphIssue["code"], message: string) => issues.push({ code, severity: "error", message });
  const maxLen = (text: string, max: number, what: string) => {
    const n = charCount(text);
    if (n > max) err("too_long", `${what} is ${n} characters; WhatsApp allows ${max}`);
  };
  const required = (text: string, what: string) => {
    if (!text.trim()) err("empty_text", `${what} is empty`);
  };
  const items = (ids: string[], what: string) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (RESERVED_EXIT_IDS.has(id)) err("reserved_item_id", `${what} id "${id}" is reserved; use another id`);
      if (seen.has(id)) err("duplicate_item", `Two ${what}s share the id "${id}"`);
      seen.add(id);
    }
  };
  const regex = (pattern: string, what: string) => {
    try {
      new RegExp(pattern);
    } catch {
      err("invalid_regex", `${what} "${pattern}" is not a valid regular expression`);
    }
  };

  switch (node.type) {
    case "start":
      for (const t of node.data.triggers) {
        if (t.kind !== "keyword") continue;
        if (t.keywords.filter((k) => k.trim()).length === 0) err("missing_setting", "The keyword trigger has no keywords");
        if (t.match === "regex") t.keywords.forEach((k) => regex(k, "Keyword pattern"));
      }
      break;
    case "send_message": {
      const d = node.data;
      if (d.media) {
        if (!d.media.url.trim()) err("missing_setting", "The media has no URL");
        if (d.media.kind !== "audio") maxLen(d.text, WA_LIMITS.caption, "The caption");
        else if (d.text.trim()) err("too_long", "An audio message cannot have a caption");
      } else {
        required(d.text, "The message");
        maxLen(d.text, WA_LIMITS.textBody, "The message");
      }
      break;
    }
    case "buttons": {
      const d = node.data;
      required(d.body, "The body");
      maxLen(d.body, WA_LIMITS.interactiveBody, "The body");
      maxLen(d.header, WA_LIMITS.headerText, "The header");
      maxLen(d.footer, WA_LIMITS.footer, "The footer");
      if (d.buttons.length === 0) err("too_few_items", "Add at least one button");
      if (d.buttons.length > WA_LIMITS.buttons) err("too_many_buttons", `WhatsApp allows at most ${WA_LIMITS.buttons} buttons; this node has ${d.buttons.length}`);
      d.buttons.forEach((b, i) => {
        if (!b.title.trim()) err("empty_text", `Button ${i + 1} has no title`);
        maxLen(b.title, WA_LIMITS.buttonTitle, `Button "${b.title}"`);
      });
      const titles = d.buttons.map((b) => b.title.trim().toLowerCase()).filter(Boolean);
      if (new Set(titles).size !== titles.length) err("duplicate_item", "Button titles must be different");
      items(d.buttons.map((b) => b.id), "button");
      break;
    }
    case "list": {
      const d = node.data;
      required(d.body, "The body");
      maxLen(d.body, WA_LIMITS.listBody, "The body");
      maxLen(d.header, WA_LIMITS.headerText, "The header");
      maxLen(d.footer, WA_LIMITS.footer, "The footer");
      required(d.button, "The list button label");
      maxLen(d.button, WA_LIMITS.listButton, "The list button label");
      const rows = d.sections.flatMap((s) => s.rows);
      if (rows.length === 0) err("too_few_items", "Add at least one row");
      if (rows.length > WA_LIMITS.listRows) err("too_many_rows", `WhatsApp allows at most ${WA_LIMITS.listRows} rows in a list; this one has ${rows.length}`);
      if (d.sections.length > WA_LIMITS.listSections) err("too_many_sections", `WhatsApp allows at most ${WA_LIMITS.listSections} sections`);
      d.sections.forEach((s, i) => {
        maxLen(s.title, WA_LIMITS.sectionTitle, `Section "${s.title}"`);
        if (d.sections.length > 1 && !s.title.trim()) err("empty_text", `Section ${i + 1} needs a title (the list has several sections)`);
        if (s.rows.length === 0) err("too_few_items", `Section ${i + 1} has no rows`);
      });
      rows.forEach((r, i) => {
        if (!r.title.trim()) err("empty_text", `Row ${i + 1} has no title`);
        maxLen(r.title, WA_LIMITS.rowTitle, `Row "${r.title}"`);
        maxLen(r.description, WA_LIMITS.rowDescription, `The description of row "${r.title}"`);
      });
      items(rows.map((r) => r.id), "row");
      break;
    }
    case "question":
      required(node.data.prompt, "The question");
      maxLen(node.data.prompt, WA_LIMITS.textBody, "The question");
      if (!node.data.variable) err("missing_setting", "Choose the variable that stores the answer");
      if (node.data.kind === "regex") {
        if (!node.data.pattern.trim()) err("missing_setting", "The answer pattern is empty");
        else regex(node.data.pattern, "The answer pattern");
      }
      break;
    case "condition":
      if (node.data.rules.length === 0) err("too_few_items", "Add at least one rule");
      node.data.rules.forEach((r, i) => {
        if (r.comparisons.length === 0) err("too_few_items", `Rule ${i + 1} has no comparisons`);
        for (const c of r.comparisons) {
          if (!c.left.trim()) err("missing_setting", `Rule ${i + 1} compares nothing: choose a variable`);
          if (c.operator === "matches_regex" && !/\{\{/.test(c.right)) regex(c.right, "The rule pattern");
        }
      });
      items(node.data.rules.map((r) => r.id), "rule");
      break;
    case "set_variable":
      if (node.data.assignments.length === 0 && node.data.addTags.length === 0 && node.data.removeTags.length === 0) err("too_few_items", "Nothing to set");
      node.data.assignments.forEach((a, i) => {
        if (!a.name) err("missing_setting", `Assignment ${i + 1} has no variable name`);
      });
      break;
    case "http_request": {
      const url = node.data.url.trim();
      const connection = node.data.connection.trim();
      // With a connection the URL is a path under its base URL (empty = the base URL itself).
      if (connection && !/^[A-Za-z0-9_-]{1,60}$/.test(connection)) err("missing_setting", "Choose the connection to your system (Settings → Integrations)");
      else if (connection) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) err("invalid_url", "With a connection, the URL is a path such as /customers");
      } else if (!url) err("missing_setting", "The URL is empty");
      else if (!/^https?:\/\//i.test(url) && !url.startsWith("{{")) err("invalid_url", "The URL must start with http:// or https://");
      if (node.data.body.trim() && !node.data.body.includes("{{")) {
        try {
          JSON.parse(node.data.body);
        } catch {
          err("invalid_schema", "The body is not valid JSON");
        }
      }
      break;
    }
    case "ai_reply":
      required(node.data.prompt, "The prompt");
      break;
    case "jump_to_flow":
      if (!node.data.flowId) err("missing_setting", "Choose the flow to jump to");
      break;
    case "send_template":
      if (!node.data.name.trim()) err("missing_setting", "Choose a template");
      if (!node.data.language.trim()) err("missing_setting", "Choose the template's language");
      break;
    case "handoff":
      maxLen(node.data.message, WA_LIMITS.textBody, "The message");
      break;
    case "end":
      maxLen(node.data.message, WA_LIMITS.textBody, "The message");
      break;
  }
  return issues;
}
