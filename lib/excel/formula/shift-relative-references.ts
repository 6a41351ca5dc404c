/**
 * Relative references in a defined name are stored relative to A1 and resolve against the cell that uses
 * the name: HOURS = Sheet1!$B1 used in C5 reads $B5. This rewrites a name's text for one using cell.
 */
import { columnToLetters, parseCellAddress } from "@/lib/excel/formula/references";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// A cell reference not inside an identifier, string or quoted sheet name, and not a function name (LOG10().
const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$\\])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(])/g;

/** Whether the text holds a reference with a relative row or column. */
export function hasRelativeReference(text: string): boolean {
  for (const m of text.matchAll(TOKEN)) if (m[2] !== undefined && (m[1] === "" || m[3] === "")) return true;
  return false;
}

/** The text with every relative row moved down `rows` and relative column right `cols`, wrapping like Excel. */
export function shiftRelativeReferences(text: string, rows: number, cols: number): string {
  return text.replace(TOKEN, (whole: string, colAbs?: string, letters?: string, rowAbs?: string, digits?: string) => {
    if (letters === undefined || digits === undefined) return whole;
    const pos = parseCellAddress(`${letters}${digits}`);
    if (!pos) return whole;
    const row = rowAbs ? pos.row : (pos.row + rows) % MAX_ROWS;
    const col = colAbs ? pos.col : (pos.col + cols) % MAX_COLS;
    return `${colAbs ?? ""}${columnToLetters(col)}${rowAbs ?? ""}${row + 1}`;
  });
}
