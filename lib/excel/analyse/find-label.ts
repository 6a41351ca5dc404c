/** A human label for a cell: the nearest text to its left, else its defined name, else the text above it. */
import { formatCellAddress } from "@/lib/excel/formula/references";
import type { SheetModel } from "@/lib/excel/workbook/model";

const REACH = 4;

/** "monthly_payment" / "MonthlyPayment" -> "Monthly payment". */
export function humanizeName(name: string): string {
  const words = name
    .replace(/^_+/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function textAt(sheet: SheetModel, row: number, col: number): string | null | undefined {
  const value = sheet.cells.get(formatCellAddress(row, col))?.value;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/:$/, "").trim();
  return text === "" || /^[-+]?[0-9.,%\s]+$/.test(text) ? null : text;
}

/** `name` is a defined name pointing exactly at the cell, when there is one. */
export function findLabel(sheet: SheetModel, row: number, col: number, name: string | undefined): string {
  for (let c = col - 1; c >= Math.max(0, col - REACH); c--) {
    const text = textAt(sheet, row, c);
    if (text === null) break;
    if (text !== undefined) return text;
  }
  if (name) return humanizeName(name);
  for (let r = row - 1; r >= Math.max(0, row - REACH); r--) {
    const text = textAt(sheet, r, col);
    if (text === null) break;
    if (text !== undefined) return text;
  }
  return formatCellAddress(row, col);
}
