/** INDEX, OFFSET, INDIRECT, CHOOSE and the reference inspectors (ROW, COLUMN, AREAS, ADDRESS...). */
import { toNumber } from "@/lib/excel/coerce";
import { columnToLetters, quoteSheetName } from "@/lib/excel/formula/references";
import { optionalNumber } from "@/lib/excel/functions/optional-args";
import type { EvalContext, FunctionSpec, RangeArg, ReferenceArg, Thunk } from "@/lib/excel/functions/types";
import {
  areaHeight,
  areaWidth,
  fillGrid,
  gridHeight,
  gridValue,
  gridWidth,
  SHEET_COLS,
  SHEET_ROWS,
  subArea,
  toGrid,
  transposeGrid,
} from "@/lib/excel/functions/value-grid";
import { arrayOf, Errors, ExcelError, isArrayValue, isError, isReference, type Area, type Scalar, type Value } from "@/lib/excel/values";

interface Selection {
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly width: number;
}

/** INDEX's choice of rows/columns inside a height x width block; 0 selects a whole row or column. */
function selectIndex(height: number, width: number, rowArg: number, colArg: number | undefined): Selection | ExcelError {
  let row = Math.trunc(rowArg);
  let col = colArg === undefined ? undefined : Math.trunc(colArg);
  if (col === undefined) {
    if (height === 1 && width > 1) {
      col = row;
      row = 0;
    } else {
      col = 0;
    }
  }
  if (row < 0 || col < 0) return Errors.VALUE;
  if (row > height || col > width) return Errors.REF;
  return {
    top: row === 0 ? 0 : row - 1,
    left: col === 0 ? 0 : col - 1,
    height: row === 0 ? height : 1,
    width: col === 0 ? width : 1,
  };
}

/** INDEX's numeric arguments arrive uncoerced so an error in the array argument wins over theirs. */
function index(ctx: EvalContext, source: Value, rowArg?: Scalar, colArg?: Scalar, areaArg?: Scalar): Value {
  if (isError(source)) return source;
  const numbers = [optionalNumber(rowArg, 0), colArg === undefined ? undefined : optionalNumber(colArg, 0), optionalNumber(areaArg, 1)];
  for (const n of numbers) if (n instanceof ExcelError) return n;
  const [row, col, areaNum] = numbers as [number, number | undefined, number];
  if (isReference(source)) {
    const area = source.areas[Math.trunc(areaNum) - 1];
    if (!area) return Errors.REF;
    const pick = selectIndex(areaHeight(area), areaWidth(area), row, col);
    if (pick instanceof ExcelError) return pick;
    return { kind: "reference", areas: [subArea(area, pick.top, pick.left, pick.height, pick.width)] };
  }
  if (Math.trunc(areaNum) !== 1) return Errors.REF;
  const grid = toGrid(ctx, source);
  if (grid instanceof ExcelError) return grid;
  const pick = selectIndex(gridHeight(grid), gridWidth(grid), row, col);
  if (pick instanceof ExcelError) return pick;
  return gridValue(grid.slice(pick.top, pick.top + pick.height).map((r) => r.slice(pick.left, pick.left + pick.width)));
}

/** OFFSET truncates a height or width, but a fraction below 1 still selects one row or column. */
function sizeOf(n: number): number {
  const whole = Math.trunc(n);
  return whole === 0 && n !== 0 ? Math.sign(n) : whole;
}

function offset(_ctx: EvalContext, reference: ReferenceArg, rows: number, cols: number, height?: Scalar, width?: Scalar): Value {
  const [area, ...rest] = reference.areas;
  if (!area || rest.length > 0) return Errors.VALUE;
  const hn = optionalNumber(height, areaHeight(area));
  const wn = optionalNumber(width, areaWidth(area));
  if (hn instanceof ExcelError) return hn;
  if (wn instanceof ExcelError) return wn;
  const h = sizeOf(hn);
  const w = sizeOf(wn);
  if (h === 0 || w === 0) return Errors.REF;
  const top = area.top + Math.trunc(rows);
  const left = area.left + Math.trunc(cols);
  const moved: Area = {
    sheet: area.sheet,
    top: h > 0 ? top : top + h + 1,
    bottom: h > 0 ? top + h - 1 : top,
    left: w > 0 ? left : left + w + 1,
    right: w > 0 ? left + w - 1 : left,
  };
  if (moved.top < 0 || moved.left < 0 || moved.bottom >= SHEET_ROWS || moved.right >= SHEET_COLS) return Errors.REF;
  return { kind: "reference", areas: [moved] };
}

function indirect(ctx: EvalContext, text: string, a1?: boolean): Value {
  const trimmed = text.trim();
  if (trimmed === "") return Errors.REF;
  const result = ctx.parseReference(trimmed, a1 ?? true);
  return isReference(result) ? result : Errors.REF;
}

/** CHOOSE with an array of indexes picks element-wise: CHOOSE({1,2}, A1:A3, B1:B3) builds two columns. */
function choose(ctx: EvalContext, indexValue: Value, ...choices: Thunk[]): Value {
  if (isArrayValue(indexValue) || (isReference(indexValue) && !isSingleCell(indexValue.areas))) {
    const indexes = toGrid(ctx, indexValue);
    if (indexes instanceof ExcelError) return indexes;
    return chooseArray(ctx, indexes, choices);
  }
  const scalar = isReference(indexValue) ? (toGrid(ctx, indexValue) as Scalar[][])[0]?.[0] ?? null : indexValue;
  const picked = pickChoice(scalar as Scalar, choices.length);
  if (picked instanceof ExcelError) return picked;
  return (choices[picked] as Thunk)();
}

function isSingleCell(areas: readonly Area[]): boolean {
  return areas.length === 1 && areaHeight(areas[0] as Area) === 1 && areaWidth(areas[0] as Area) === 1;
}

function pickChoice(value: Scalar, count: number): number | ExcelError {
  const n = toNumber(value);
  if (n instanceof ExcelError) return n;
  const k = Math.trunc(n);
  return k < 1 || k > count ? Errors.VALUE : k - 1;
}

function chooseArray(ctx: EvalContext, indexes: Scalar[][], choices: Thunk[]): Value {
  const cache = new Map<number, Scalar[][] | ExcelError>();
  const grids: (Scalar[][] | ExcelError)[] = [];
  const picks = indexes.map((row) => row.map((v) => pickChoice(v, choices.length)));
  for (const row of picks) {
    for (const pick of row) {
      if (pick instanceof ExcelError || cache.has(pick)) continue;
      const grid = toGrid(ctx, (choices[pick] as Thunk)());
      cache.set(pick, grid);
      grids.push(grid);
    }
  }
  const sizes = grids.filter((g): g is Scalar[][] => !(g instanceof ExcelError));
  const height = Math.max(gridHeight(indexes), ...sizes.map(gridHeight));
  const width = Math.max(gridWidth(indexes), ...sizes.map(gridWidth));
  return arrayOf(
    fillGrid(height, width, (r, c) => {
      const pick = broadcastAt(picks, r, c);
      if (pick === undefined) return Errors.NA;
      if (pick instanceof ExcelError) return pick;
      const grid = cache.get(pick) as Scalar[][] | ExcelError;
      if (grid instanceof ExcelError) return grid;
      return broadcastAt(grid, r, c) ?? Errors.NA;
    }),
  );
}

/** Element (r, c) of a grid broadcast along single rows/columns; undefined outside it. */
function broadcastAt<T>(grid: T[][], r: number, c: number): T | undefined {
  const row = grid.length === 1 ? grid[0] : grid[r];
  if (!row) return undefined;
  return row.length === 1 ? row[0] : row[c];
}

function rowOrColumn(ctx: EvalContext, reference: ReferenceArg | undefined, column: boolean): Value {
  if (reference === undefined) return (column ? ctx.origin.col : ctx.origin.row) + 1;
  const [area, ...rest] = reference.areas;
  if (!area || rest.length > 0) return Errors.REF;
  // Whole rows/columns are cut to the sheet's used range: a million-element array is never useful here.
  const bounds = ctx.sheetBounds(area.sheet);
  if (column) {
    const width = areaWidth(area) === 16_384 && bounds ? Math.max(1, bounds.cols - area.left) : areaWidth(area);
    return gridValue(fillGrid(1, width, (_r, c) => area.left + c + 1));
  }
  const height = areaHeight(area) === 1_048_576 && bounds ? Math.max(1, bounds.rows - area.top) : areaHeight(area);
  return gridValue(fillGrid(height, 1, (r) => area.top + r + 1));
}

function countOf(ctx: EvalContext, value: Value, column: boolean): Value {
  if (isError(value)) return value;
  if (isReference(value)) {
    const [area, ...rest] = value.areas;
    if (!area || rest.length > 0) return Errors.REF;
    return column ? areaWidth(area) : areaHeight(area);
  }
  const grid = toGrid(ctx, value);
  if (grid instanceof ExcelError) return grid;
  return column ? gridWidth(grid) : gridHeight(grid);
}

function address(_ctx: EvalContext, row: number, col: number, absNum?: number, a1?: boolean, sheet?: string): Value {
  const r = Math.trunc(row);
  const c = Math.trunc(col);
  const abs = Math.trunc(absNum ?? 1);
  if (abs < 1 || abs > 4) return Errors.VALUE;
  const useA1 = a1 ?? true;
  if (c < 1 || (useA1 && (r < 1 || r > SHEET_ROWS || c > SHEET_COLS))) return Errors.VALUE;
  if (!useA1 && r < 1) return Errors.VALUE;
  const absRow = abs === 1 || abs === 2;
  const absCol = abs === 1 || abs === 3;
  const text = useA1
    ? `${absCol ? "$" : ""}${columnToLetters(c - 1)}${absRow ? "$" : ""}${r}`
    : `R${absRow ? r : `[${r}]`}C${absCol ? c : `[${c}]`}`;
  if (sheet === undefined) return text;
  return `${quoteAddressSheet(sheet)}!${text}`;
}

/** ADDRESS quotes a sheet name that needs it, but leaves a "[Book]Sheet" workbook prefix bare. */
function quoteAddressSheet(sheet: string): string {
  if (sheet === "") return "";
  const book = /^\[[^\]]*\]/.exec(sheet)?.[0] ?? "";
  const name = sheet.slice(book.length);
  return quoteSheetName(name) === name ? sheet : `'${sheet.replaceAll("'", "''")}'`;
}

function formulaText(ctx: EvalContext, reference: ReferenceArg): Value {
  const area = reference.areas[0];
  if (!area) return Errors.NA;
  const formula = ctx.formulaAt(area.sheet, area.top, area.left);
  if (formula === undefined) return Errors.NA;
  return formula.startsWith("=") ? formula : `=${formula}`;
}

export const referenceFunctions: FunctionSpec[] = [
  { name: "INDEX", minArgs: 1, maxArgs: 4, args: ["any", "scalar", "scalar", "scalar"], impl: index },
  { name: "OFFSET", minArgs: 3, maxArgs: 5, args: ["reference", "number", "number", "scalar", "scalar"], volatile: true, impl: offset },
  { name: "INDIRECT", minArgs: 1, maxArgs: 2, args: ["string", "boolean"], volatile: true, impl: indirect },
  { name: "CHOOSE", minArgs: 2, maxArgs: 255, args: ["any", "lazy"], noLift: true, impl: choose },
  { name: "ROW", minArgs: 0, maxArgs: 1, args: ["reference"], impl: (ctx: EvalContext, ref?: ReferenceArg) => rowOrColumn(ctx, ref, false) },
  { name: "COLUMN", minArgs: 0, maxArgs: 1, args: ["reference"], impl: (ctx: EvalContext, ref?: ReferenceArg) => rowOrColumn(ctx, ref, true) },
  { name: "ROWS", minArgs: 1, maxArgs: 1, args: ["any"], impl: (ctx: EvalContext, v: Value) => countOf(ctx, v, false) },
  { name: "COLUMNS", minArgs: 1, maxArgs: 1, args: ["any"], impl: (ctx: EvalContext, v: Value) => countOf(ctx, v, true) },
  { name: "AREAS", minArgs: 1, maxArgs: 1, args: ["reference"], impl: (_ctx: EvalContext, ref: ReferenceArg) => ref.areas.length },
  { name: "ADDRESS", minArgs: 2, maxArgs: 5, args: ["number", "number", "number", "boolean", "string"], impl: address },
  { name: "TRANSPOSE", minArgs: 1, maxArgs: 1, args: ["range"], impl: (_ctx: EvalContext, v: RangeArg) => gridValue(transposeGrid(v.rows)) },
  {
    name: "HYPERLINK",
    minArgs: 1,
    maxArgs: 2,
    args: ["scalar", "scalar"],
    impl: (_ctx: EvalContext, link: Scalar, friendly?: Scalar) => (friendly === undefined ? link : friendly),
  },
  { name: "FORMULATEXT", minArgs: 1, maxArgs: 1, args: ["reference"], impl: formulaText },
  { name: "GETPIVOTDATA", minArgs: 2, maxArgs: 254, args: ["any"], noLift: true, impl: () => Errors.REF },
];
