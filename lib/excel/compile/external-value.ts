/**
 * Reads an external reference (`[2]Estimate!$H$6`, `[1]Data!A1:B3`) from the values the file cached for
 * that workbook: a cell gives its value, a range an array. Names in other books (`[1]!Rate`) and books
 * or sheets the file did not cache give undefined (the caller's #REF!).
 */
import { formatCellAddress, parseAreaAddress } from "@/lib/excel/formula/references";
import type { ExternalBookModel } from "@/lib/excel/workbook/model";
import { arrayOf, type Scalar, type Value } from "@/lib/excel/values";

const MAX_CELLS = 100_000;

export function externalValue(books: readonly ExternalBookModel[], text: string): Value | undefined {
  const m = /^\[(\d+)\]([^!]+)!(.+)$/.exec(text);
  if (!m) return undefined;
  const book = books[Number(m[1]) - 1];
  const sheetName = (m[2] ?? "").toUpperCase();
  const sheet = book?.sheets.find((s) => s.name.toUpperCase() === sheetName);
  const area = parseAreaAddress((m[3] ?? "").replaceAll("$", ""));
  if (!sheet || !area) return undefined;
  if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > MAX_CELLS) return undefined;
  const rows: Scalar[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: Scalar[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(sheet.cells.get(formatCellAddress(r, c)) ?? null);
    rows.push(row);
  }
  return rows.length === 1 && rows[0]?.length === 1 ? (rows[0][0] ?? null) : arrayOf(rows);
}
