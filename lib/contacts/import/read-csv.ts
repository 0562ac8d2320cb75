import Papa from "papaparse";

export type CsvFile = { encoding: "utf-8" | "windows-1252"; delimiter: "," | ";"; headers: string[]; rows: string[][] };

/**
 * Reads an uploaded CSV the way spreadsheets write them: UTF-8 with or without a BOM, or Windows-1252 (Excel's
 * "CSV" on Windows) when the bytes are not valid UTF-8; `,` or `;` (Excel in Brazil) as the separator; quoted
 * fields may hold separators and line breaks (papaparse). The first row is the header; blank lines are dropped.
 */
export function readCsv(bytes: Uint8Array): CsvFile {
  let encoding: CsvFile["encoding"] = "utf-8";
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD; the BOM is stripped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    encoding = "windows-1252";
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: "greedy" });
  const [header = [], ...rows] = parsed.data;
  return { encoding, delimiter, headers: header.map((h, i) => h.replace(/\u0000/g, "").trim() || `column_${i + 1}`), rows: rows.map((r) => r.map((c) => c.replace(/\u0000/g, ""))) };
}

/** The separator of the header line (outside quotes): whichever of `;` and `,` appears more often. */
function detectDelimiter(text: string): CsvFile["delimiter"] {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
