/**
 * OpenDocument formulas name cells in brackets (ODF 1.2 Part 2, 5.8: `[.A1]`, `[Sheet1.A1:.B2]`,
 * `['Q1 data'.$A$1]`, `[Sheet1.A1:Sheet3.B2]`). SheetJS converts only the simplest same-sheet forms; this
 * rewrites every bracketed reference outside string literals into Excel's A1 syntax.
 */

/** Splits on `separator` outside single-quoted sheet names. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (!quoted && text[i] === separator) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** `Sheet.A1` -> sheet and address; the sheet is the part before the last dot outside quotes. */
function splitAddress(part: string): { sheet?: string; address: string } {
  const pieces = splitOutsideQuotes(part, ".");
  const address = pieces.pop() ?? "";
  const sheet = pieces.join(".").replace(/^\$/, "");
  if (sheet === "") return { address };
  return { sheet: sheet.startsWith("'") ? sheet.slice(1, -1).replaceAll("''", "'") : sheet, address };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
}

function convertReference(inner: string): string {
  if (inner.includes("#")) return "#REF!";
  const [first, second] = splitOutsideQuotes(inner, ":").map(splitAddress);
  if (!first) return `[${inner}]`;
  const sheets = [first.sheet, second?.sheet].filter((s): s is string => s !== undefined && s !== "");
  const addresses = second ? `${first.address}:${second.address}` : first.address;
  if (sheets.length === 0) return addresses;
  const sheetPart = sheets.length === 2 && sheets[0] !== sheets[1] ? `${quoteSheet(sheets[0] as string)}:${quoteSheet(sheets[1] as string)}` : quoteSheet(sheets[0] as string);
  return `${sheetPart}!${addresses}`;
}

export function openFormulaToA1(formula: string): string {
  if (!formula.includes("[")) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let j = i + 1;
      let quoted = false;
      while (j < formula.length && (quoted || formula[j] !== "]")) {
        if (formula[j] === "'") quoted = !quoted;
        j++;
      }
      out += convertReference(formula.slice(i + 1, j));
      i = j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
