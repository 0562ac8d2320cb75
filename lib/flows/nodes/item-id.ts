import { z } from "zod";

/** Ids of items that become exits (buttons, rows, rules): also the reply id WhatsApp echoes back, so ≤ 200 chars. */
export const itemId = z.string().trim().min(1, "Missing id").max(200, "Ids are at most 200 characters");

/** A flow variable name as written inside {{ }}: letters, digits and _, starting with a letter or _. */
export const variableName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Variable names use letters, digits and _ and start with a letter");

/** An optional variable name: empty string = "do not store". */
export const optionalVariableName = z.union([z.literal(""), variableName]).default("");
