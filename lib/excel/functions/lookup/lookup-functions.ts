/** VLOOKUP, HLOOKUP, LOOKUP, MATCH, XLOOKUP and XMATCH. */
import { findApproximate, findExact, findX, type Lookup, type MatchMode, type SearchMode } from "@/lib/excel/functions/lookup/lookup-search";
import { optionalNumber } from "@/lib/excel/functions/optional-args";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { cellAt, firstColumn, gridHeight, gridWidth, sliceRange, toGrid, toVector, transposeGrid } from "@/lib/excel/functions/value-grid";
import { Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

/** A table argument that is itself an error (VLOOKUP(x, #REF!, 2)) reports that error. */
function tableError(table: RangeArg): ExcelError | undefined {
  const only = table.rows.length === 1 && table.rows[0]?.length === 1 ? table.rows[0][0] : undefined;
  return !table.areas && only instanceof ExcelError ? only : undefined;
}

/** Validates a lookup value: errors propagate, blanks never match in the classic lookups. */
function classicLookup(value: Scalar): Lookup | ExcelError {
  if (value instanceof ExcelError) return value;
  if (value === null) return Errors.NA;
  return value;
}

function tableLookup(lookupValue: Scalar, rows: Scalar[][], index: number, approximate: boolean | undefined): Value {
  const lookup = classicLookup(lookupValue);
  if (lookup instanceof ExcelError) return lookup;
  const k = Math.trunc(index);
  if (k < 1) return Errors.VALUE;
  if (k > gridWidth(rows)) return Errors.REF;
  const keys = firstColumn(rows);
  const at = approximate === false ? findExact(keys, lookup, true) : findApproximate(keys, lookup);
  return at < 0 ? Errors.NA : cellAt(rows, at, k - 1);
}

/** VLOOKUP/HLOOKUP's table: a reference, an array or a single value; text (VLOOKUP(x, "a", 1)) is #VALUE!. */
function tableRows(ctx: EvalContext, table: Value): Scalar[][] | ExcelError {
  if (table instanceof ExcelError) return table;
  if (typeof table === "string") return Errors.VALUE;
  return toGrid(ctx, table);
}

function vlookup(ctx: EvalContext, value: Scalar, table: Value, col: number, approximate?: boolean): Value {
  if (value instanceof ExcelError) return value;
  const rows = tableRows(ctx, table);
  return rows instanceof ExcelError ? rows : tableLookup(value, rows, col, approximate);
}

function hlookup(ctx: EvalContext, value: Scalar, table: Value, row: number, approximate?: boolean): Value {
  if (value instanceof ExcelError) return value;
  const rows = tableRows(ctx, table);
  return rows instanceof ExcelError ? rows : tableLookup(value, transposeGrid(rows), row, approximate);
}

/** The n-th cell along a result vector; a reference result vector extends past its end like Excel's. */
function resultAt(ctx: EvalContext, result: RangeArg, index: number): Value {
  const vector = toVector(result.rows);
  if (!vector) return Errors.NA;
  if (index < vector.length) return vector[index] ?? null;
  const area = result.areas?.length === 1 ? result.areas[0] : undefined;
  if (!area) return Errors.NA;
  const horizontal = area.top === area.bottom && area.left !== area.right;
  const row = horizontal ? area.top : area.top + index;
  const col = horizontal ? area.left + index : area.left;
  return ctx.readAreaValues({ sheet: area.sheet, top: row, left: col, bottom: row, right: col })[0]?.[0] ?? null;
}

function lookup(ctx: EvalContext, value: Scalar, source: RangeArg, result?: RangeArg): Value {
  const error = value instanceof ExcelError ? value : tableError(source);
  if (error) return error;
  const wanted = classicLookup(value);
  if (wanted instanceof ExcelError) return wanted;
  if (result) {
    const keys = toVector(source.rows);
    if (!keys) return Errors.NA;
    const at = findApproximate(keys, wanted);
    return at < 0 ? Errors.NA : resultAt(ctx, result, at);
  }
  const grid = gridWidth(source.rows) > gridHeight(source.rows) ? transposeGrid(source.rows) : source.rows;
  const keys = grid.map((row) => row[0] ?? null);
  const at = findApproximate(keys, wanted);
  return at < 0 ? Errors.NA : cellAt(grid, at, gridWidth(grid) - 1);
}

function match(_ctx: EvalContext, value: Scalar, source: RangeArg, type?: number): Value {
  const error = value instanceof ExcelError ? value : tableError(source);
  if (error) return error;
  const wanted = classicLookup(value);
  if (wanted instanceof ExcelError) return wanted;
  const values = toVector(source.rows);
  if (!values) return Errors.NA;
  const mode = type === undefined ? 1 : Math.sign(type);
  const at = mode === 0 ? findExact(values, wanted, true) : findApproximate(values, wanted, mode < 0);
  return at < 0 ? Errors.NA : at + 1;
}

/** Match and search modes; an empty argument (XLOOKUP(a,b,c,,,-1)) takes the default. */
function parseModes(matchMode: Scalar | undefined, searchMode: Scalar | undefined): [MatchMode, SearchMode] | ExcelError {
  const mn = optionalNumber(matchMode, 0);
  const sn = optionalNumber(searchMode, 1);
  if (mn instanceof ExcelError) return mn;
  if (sn instanceof ExcelError) return sn;
  const m = Math.trunc(mn);
  const s = Math.trunc(sn);
  if (![0, -1, 1, 2].includes(m) || ![1, -1, 2, -2].includes(s)) return Errors.VALUE;
  if (m === 2 && (s === 2 || s === -2)) return Errors.VALUE;
  return [m as MatchMode, s as SearchMode];
}

function xlookup(
  _ctx: EvalContext,
  value: Scalar,
  source: RangeArg,
  result: RangeArg,
  ifNotFound?: Value,
  matchMode?: Scalar,
  searchMode?: Scalar,
): Value {
  if (value instanceof ExcelError) return value;
  const error = tableError(source) ?? tableError(result);
  if (error) return error;
  const modes = parseModes(matchMode, searchMode);
  if (modes instanceof ExcelError) return modes;
  const keys = toVector(source.rows);
  if (!keys) return Errors.VALUE;
  const vertical = gridWidth(source.rows) === 1 && gridHeight(source.rows) > 1;
  const length = vertical ? gridHeight(result.rows) : gridWidth(result.rows);
  if (length !== keys.length) return Errors.VALUE;
  const at = findX(keys, value, modes[0], modes[1]);
  if (at < 0) return ifNotFound === undefined || ifNotFound === null ? Errors.NA : ifNotFound;
  return vertical
    ? sliceRange(result, at, 0, 1, gridWidth(result.rows))
    : sliceRange(result, 0, at, gridHeight(result.rows), 1);
}

function xmatch(_ctx: EvalContext, value: Scalar, source: RangeArg, matchMode?: Scalar, searchMode?: Scalar): Value {
  if (value instanceof ExcelError) return value;
  const error = tableError(source);
  if (error) return error;
  const modes = parseModes(matchMode, searchMode);
  if (modes instanceof ExcelError) return modes;
  const keys = toVector(source.rows);
  if (!keys) return Errors.VALUE;
  const at = findX(keys, value, modes[0], modes[1]);
  return at < 0 ? Errors.NA : at + 1;
}

export const lookupFunctions: FunctionSpec[] = [
  { name: "VLOOKUP", minArgs: 3, maxArgs: 4, args: ["scalar", "any", "number", "boolean"], impl: vlookup },
  { name: "HLOOKUP", minArgs: 3, maxArgs: 4, args: ["scalar", "any", "number", "boolean"], impl: hlookup },
  { name: "LOOKUP", minArgs: 2, maxArgs: 3, args: ["scalar", "range", "range"], impl: lookup },
  { name: "MATCH", minArgs: 2, maxArgs: 3, args: ["scalar", "range", "number"], impl: match },
  { name: "XLOOKUP", minArgs: 3, maxArgs: 6, args: ["scalar", "range", "range", "any", "scalar", "scalar"], impl: xlookup },
  { name: "XMATCH", minArgs: 2, maxArgs: 4, args: ["scalar", "range", "scalar", "scalar"], impl: xmatch },
];
