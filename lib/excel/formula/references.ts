/** A1 addressing helpers: column letters, cell addresses, area text. 0-based rows and columns. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnToLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Returns the 0-based column, or -1 when the letters are not a valid column (A..XFD). */
export function lettersToColumn(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n <= MAX_COLS ? n - 1 : -1;
}

export function formatCellAddress(row: number, col: number): string {
  return `${columnToLetters(col)}${row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** Parses "B3" or "$B$3" into a 0-based position; undefined when invalid. */
export function parseCellAddress(text: string): { row: number; col: number } | undefined {
  const match = CELL.exec(text);
  if (!match) return undefined;
  const col = lettersToColumn(match[1] ?? "");
  const row = Number(match[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/** Parses "A1:C3" (or a single cell) into 0-based bounds; undefined when invalid. */
export function parseAreaAddress(
  text: string,
): { top: number; left: number; bottom: number; right: number } | undefined {
  const [first, second] = text.split(":");
  const a = parseCellAddress(first ?? "");
  if (!a) return undefined;
  const b = second === undefined ? a : parseCellAddress(second);
  if (!b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Quotes a sheet name for use in a formula or a `Sheet!A1` key when it needs quoting. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCellAddress(name) ? name : `'${name.replaceAll("'", "''")}'`;
}

/** Splits "Sheet 1!B2" or "'It''s'!B2" into sheet and address; sheet undefined when absent. */
export function splitSheetAddress(text: string): { sheet: string | undefined; address: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, address: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, address: text.slice(bang + 1) };
}
