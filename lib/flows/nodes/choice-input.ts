import type { EngineInput } from "../engine/engine-types";

/**
 * Which option a reply picks: the tapped button/row id, else a text equal to a title (case and accents ignored),
 * else the option's number ("2"), else — for a two-option question — yes/no words ("sim", "não", "yes", "no"...)
 * for the first/second option. Numbers and words are how a customer answers on a number whose gateway sends the
 * options as numbered text (Evolution), so the flow sees the same answer as a tap on the Cloud API. Null when
 * nothing matches.
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
  if (/^\d{1,2}\.?$/.test(text)) return options[parseInt(text, 10) - 1] ?? null;
  if (options.length === 2) {
    const word = text.replace(/[!.?]+$/, "");
    if (YES.has(word)) return options[0];
    if (NO.has(word)) return options[1];
  }
  return null;
}

const YES = new Set(["sim", "s", "yes", "y"]);
const NO = new Set(["nao", "n", "no"]);

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();
}
