import { randomBytes } from "node:crypto";

/** A fresh WhatsApp-style message id (`wamid.` + base64, like Meta's), unique per call. */
export function newWamid(): string {
  return `wamid.${randomBytes(24).toString("base64")}`;
}
