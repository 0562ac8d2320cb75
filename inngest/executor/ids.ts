import { randomBytes } from "node:crypto";

/** Time-ordered unique id (48-bit ms time + 80 random bits, hex), good enough as a run or event id. */
export function newId(prefix = ""): string {
  return prefix + Date.now().toString(16).padStart(12, "0") + randomBytes(10).toString("hex");
}
