import { resolveVariable, stringifyValue } from "./resolve-variable";
import { VARIABLE_PATTERN } from "./variable-pattern";
import type { VariableScope } from "./variable-scope";

/** Replaces every {{path}} in `text` with its value (unknown ones become ""). `encode` escapes each value (JSON bodies, URLs). */
export function interpolate(text: string, scope: VariableScope, encode?: (value: string) => string): string {
  return text.replace(VARIABLE_PATTERN, (_, path: string) => {
    const value = stringifyValue(resolveVariable(path, scope));
    return encode ? encode(value) : value;
  });
}

/** For a JSON template: the value as the inside of a JSON string literal, so quotes in customer input cannot break it. */
export const jsonStringContent = (value: string) => JSON.stringify(value).slice(1, -1);
