/** Table regions: Excel tables, multi-cell ranges formulas read, and (without formulas) each sheet's data. */
import type { SheetArea } from "@/lib/excel/analyse/scan-formulas";
import type { TableRegion } from "@/lib/excel/analyse/types";
import { formatCellAddress, parseAreaAddress, parseCellAddress } from "@/lib/excel/formula/references";
import type { SheetModel, Workbook } from "@/lib/excel/workbook/model";

const MAX_TABLES = 24;

function headerText(sheet: SheetModel, row: number, col: number): string | undefined {
  if (row < 0) return undefined;
  const value = sheet.cells.get(formatCellAddress(row, col))?.value;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

type Box = { top: number; left: number; bottom: number; right: number };

function filledColumn(sheet: SheetModel, col: number, area: Box): boolean {
  if (col < 0) return false;
  let filled = 0;
  for (let r = area.top; r <= area.bottom; r++) if (sheet.cells.has(formatCellAddress(r, col))) filled++;
  return filled * 2 >= area.bottom - area.top + 1;
}

/** Widens a read column to the neighbouring columns that share its rows (a whole table, not one column). */
function widen(sheet: SheetModel, area: Box): Box {
  let { left, right } = area;
  while (left > 0 && right - left < 30 && filledColumn(sheet, left - 1, area)) left--;
  while (right - left < 30 && filledColumn(sheet, right + 1, area)) right++;
  return { ...area, left, right };
}

function regionFor(sheet: SheetModel, area: Box, name: string, source: TableRegion["source"], isInput: boolean): TableRegion | undefined {
  const columns = Array.from({ length: area.right - area.left + 1 }, (_, i) => area.left + i);
  const ownHeader = columns.every((c) => headerText(sheet, area.top, c) !== undefined) && area.bottom > area.top;
  const aboveHeader = columns.every((c) => headerText(sheet, area.top - 1, c) !== undefined);
  const headerRow = ownHeader ? area.top : aboveHeader ? area.top - 1 : undefined;
  const top = ownHeader ? area.top + 1 : area.top;
  if (top > area.bottom) return undefined;
  if (isInput) isInput = hasConstant(sheet, { ...area, top });
  const headers = columns.map((c) => (headerRow === undefined ? undefined : headerText(sheet, headerRow, c)) ?? formatCellAddress(top, c).replace(/[0-9]+$/, ""));
  return { name, sheet: sheet.name, range: `${formatCellAddress(top, area.left)}:${formatCellAddress(area.bottom, area.right)}`, headers, isInput, source };
}

function hasConstant(sheet: SheetModel, area: { top: number; left: number; bottom: number; right: number }): boolean {
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      const cell = sheet.cells.get(formatCellAddress(r, c));
      if (cell && cell.formula === undefined && cell.value !== null) return true;
    }
  }
  return false;
}

function usedArea(sheet: SheetModel): { top: number; left: number; bottom: number; right: number } | undefined {
  let area: { top: number; left: number; bottom: number; right: number } | undefined;
  for (const address of sheet.cells.keys()) {
    const p = parseCellAddress(address);
    if (!p) continue;
    area = area
      ? { top: Math.min(area.top, p.row), left: Math.min(area.left, p.col), bottom: Math.max(area.bottom, p.row), right: Math.max(area.right, p.col) }
      : { top: p.row, left: p.col, bottom: p.row, right: p.col };
  }
  return area;
}

function overlaps(a: TableRegion, b: TableRegion): boolean {
  if (a.sheet !== b.sheet) return false;
  const x = parseAreaAddress(a.range);
  const y = parseAreaAddress(b.range);
  return !!x && !!y && x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
}

export function findTables(workbook: Workbook, areaReads: readonly SheetArea[], hasFormulas: boolean): TableRegion[] {
  const out: TableRegion[] = [];
  const sheetByName = new Map(workbook.sheets.map((s) => [s.name, s]));
  const add = (region: TableRegion | undefined) => {
    if (region && out.length < MAX_TABLES && !out.some((t) => overlaps(t, region))) out.push(region);
  };
  for (const table of workbook.tables) {
    const sheet = sheetByName.get(table.sheet);
    const area = parseAreaAddress(table.ref);
    if (!sheet || !area) continue;
    const top = area.top + table.headerRowCount;
    const bottom = area.bottom - table.totalsRowCount;
    if (top > bottom) continue;
    const read = areaReads.some((a) => a.sheet === table.sheet && a.top <= bottom && a.bottom >= top && a.left <= area.right && a.right >= area.left);
    const range = `${formatCellAddress(top, area.left)}:${formatCellAddress(bottom, area.right)}`;
    add({ name: table.name, sheet: table.sheet, range, headers: table.columns, isInput: read, source: "excel-table" });
  }
  const byRows = [...areaReads].filter((a) => a.bottom > a.top).sort((a, b) => (b.bottom - b.top) * (b.right - b.left + 1) - (a.bottom - a.top) * (a.right - a.left + 1));
  for (const area of byRows) {
    if (out.length >= MAX_TABLES) break;
    const covered = out.some((t) => {
      const b = t.sheet === area.sheet ? parseAreaAddress(t.range) : undefined;
      return !!b && b.left <= area.right && area.left <= b.right && b.top <= area.bottom && area.top <= b.bottom;
    });
    if (covered) continue;
    const sheet = sheetByName.get(area.sheet);
    if (sheet) add(regionFor(sheet, widen(sheet, area), `${area.sheet} ${formatCellAddress(area.top, area.left)}`, "referenced-range", true));
  }
  if (!hasFormulas) {
    for (const sheet of workbook.sheets) {
      const area = sheet.hidden ? undefined : usedArea(sheet);
      if (area) add(regionFor(sheet, area, sheet.name, "sheet-data", false));
    }
  }
  return out;
}
