/**
 * The placeholders of a template text as Meta reads them: `{{1}}` (positional) or `{{first_name}}` (named:
 * lowercase letters, digits and underscores, starting with a letter). Anything else between double braces, or a
 * lone `{{` / `}}`, is malformed.
 */
export type TemplateVariable = { name: string; kind: "positional" | "named"; start: number; end: number };

const BRACES = /\{\{([^{}]*)\}\}/g;
const POSITIONAL = /^[1-9]\d*$/;
const NAMED = /^[a-z][a-z0-9_]*$/;

export function templateVariables(text: string): { variables: TemplateVariable[]; malformed: string[] } {
  const variables: TemplateVariable[] = [];
  const malformed: string[] = [];
  for (const m of text.matchAll(BRACES)) {
    const name = m[1];
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (POSITIONAL.test(name)) variables.push({ name, kind: "positional", start, end });
    else if (NAMED.test(name)) variables.push({ name, kind: "named", start, end });
    else malformed.push(m[0]);
  }
  const rest = text.replace(BRACES, "");
  if (rest.includes("{{") || rest.includes("}}")) malformed.push(rest.includes("{{") ? "{{" : "}}");
  return { variables, malformed };
}

/** Distinct variable names in order of first appearance. */
export function variableNames(text: string): string[] {
  return [...new Set(templateVariables(text).variables.map((v) => v.name))];
}

/** The text with each variable replaced by its example (the preview), or left as `{{x}}` without one. */
export function fillVariables(text: string, examples: Record<string, string | undefined>): string {
  return text.replace(BRACES, (whole, name: string) => {
    const value = examples[name];
    return value ? value : whole;
  });
}
