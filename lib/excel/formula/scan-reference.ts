/** Recognisers for A1 reference forms at a position in formula text (sticky regular expressions). */
import type { RefNode } from "@/lib/excel/formula/ast";
import { lettersToColumn, MAX_COLS, MAX_ROWS } from "@/lib/excel/formula/references";

const CELL = /\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?![A-Za-z0-9_.(\\?])/y;
// A dot beside the colon is a trim-reference operator (`A1.:.E10`, `A:.A`).
const CELL_AREA = /\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(\.?):(\.?)\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?![A-Za-z0-9_.(\\?])/y;
const COLUMNS = /\$?([A-Za-z]{1,3})(\.?):(\.?)\$?([A-Za-z]{1,3})(?![A-Za-z0-9_.(\\?])/y;
const ROWS = /\$?([0-9]{1,7})(\.?):(\.?)\$?([0-9]{1,7})(?![A-Za-z0-9_.])/y;

/** Which trim-reference operator a range was written with (stored as `_xlfn._TRO_ALL(range)` and so on). */
export type TrimOperator = "_TRO_ALL" | "_TRO_LEADING" | "_TRO_TRAILING";

function trimOperator(before: string | undefined, after: string | undefined): TrimOperator | undefined {
  if (before && after) return "_TRO_ALL";
  if (before) return "_TRO_LEADING";
  return after ? "_TRO_TRAILING" : undefined;
}

function rowIndex(text: string | undefined): number {
  const row = Number(text) - 1;
  return row >= 0 && row < MAX_ROWS ? row : -1;
}

function makeRef(
  sheet: string | undefined,
  sheetEnd: string | undefined,
  kind: RefNode["kind"],
  r1: number,
  c1: number,
  r2: number,
  c2: number,
): RefNode {
  return {
    type: "ref",
    sheet,
    sheetEnd,
    kind,
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

/** Tries every A1 form at `pos`; returns the node and the end position, or undefined. */
export function scanReference(
  text: string,
  pos: number,
  sheet: string | undefined,
  sheetEnd: string | undefined,
): { node: RefNode; end: number; trim?: TrimOperator } | undefined {
  CELL_AREA.lastIndex = pos;
  let m = CELL_AREA.exec(text);
  if (m) {
    const c1 = lettersToColumn(m[1] ?? "");
    const c2 = lettersToColumn(m[5] ?? "");
    const r1 = rowIndex(m[2]);
    const r2 = rowIndex(m[6]);
    if (c1 >= 0 && c2 >= 0 && r1 >= 0 && r2 >= 0) {
      return { node: makeRef(sheet, sheetEnd, "area", r1, c1, r2, c2), end: CELL_AREA.lastIndex, trim: trimOperator(m[3], m[4]) };
    }
  }
  CELL.lastIndex = pos;
  m = CELL.exec(text);
  if (m) {
    const c = lettersToColumn(m[1] ?? "");
    const r = rowIndex(m[2]);
    if (c >= 0 && r >= 0) return { node: makeRef(sheet, sheetEnd, "cell", r, c, r, c), end: CELL.lastIndex };
  }
  COLUMNS.lastIndex = pos;
  m = COLUMNS.exec(text);
  if (m) {
    const c1 = lettersToColumn(m[1] ?? "");
    const c2 = lettersToColumn(m[4] ?? "");
    if (c1 >= 0 && c2 >= 0) return { node: makeRef(sheet, sheetEnd, "cols", 0, c1, MAX_ROWS - 1, c2), end: COLUMNS.lastIndex, trim: trimOperator(m[2], m[3]) };
  }
  ROWS.lastIndex = pos;
  m = ROWS.exec(text);
  if (m) {
    const r1 = rowIndex(m[1]);
    const r2 = rowIndex(m[4]);
    if (r1 >= 0 && r2 >= 0) return { node: makeRef(sheet, sheetEnd, "rows", r1, 0, r2, MAX_COLS - 1), end: ROWS.lastIndex, trim: trimOperator(m[2], m[3]) };
  }
  return undefined;
}
