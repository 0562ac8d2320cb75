/**
 * A keyword as compared: trimmed, accents removed, upper case, inner whitespace collapsed — so "  sáir ", "Sair"
 * and "SAIR" are one word. Only a whole message equal to a keyword counts ("quero sair da fila" is no opt-out).
 */
export function normalizeKeyword(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .trim()
    .replace(/\s+/g, " ")
    .toUpperCase();
}

/** "opted_out" / "opted_in" when the whole text is one of the keywords, else null. Opt-out wins a tie. */
export function consentKeywordOf(text: string, keywords: { optOutKeywords: string[]; optInKeywords: string[] }): "opted_out" | "opted_in" | null {
  const word = normalizeKeyword(text);
  if (!word || word.length > 60) return null;
  if (keywords.optOutKeywords.some((k) => normalizeKeyword(k) === word)) return "opted_out";
  if (keywords.optInKeywords.some((k) => normalizeKeyword(k) === word)) return "opted_in";
  return null;
}
