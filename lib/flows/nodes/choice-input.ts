import type { EngineInput } from "../engine/engine-types";

/**
 * Which option a reply picks: the tapped button/row id, else a text equal to a title (case and accents ignored),
 * else the option's number ("2"). Null when nothing matches.
 */
export function matchChoice(input: EngineInput, options: { id: string; title: string }[]): { id: string; title: string } | null {
  if (input.type !== "message") return null;
  if (input.replyId) {
    const byId = options.find((o) => o.id === input.replyId);
    if (byId) return byId;
  }
  const text = fold(input.text);
  if (!text) return null;
  const byTitle = options.find((o) => fold(o.title) === text);
  if (byTitle) return byTitle;
  if (/^\d{1,2}$/.test(text)) return options[Number(text) - 1] ?? null;
  return null;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
}
