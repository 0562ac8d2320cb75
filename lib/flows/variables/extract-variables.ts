import { VARIABLE_PATTERN } from "./variable-pattern";

/** Every `{{path}}` referenced in a text, in order, duplicates removed. */
export function extractVariables(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(VARIABLE_PATTERN)) found.add(m[1]);
  return [...found];
}
