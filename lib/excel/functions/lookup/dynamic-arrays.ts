/** FILTER, SORT, SORTBY, UNIQUE, SEQUENCE and RANDARRAY. */
import { compareText, toNumber } from "@/lib/excel/coerce";
import { numberList, optionalBoolean, optionalNumber } from "@/lib/excel/functions/optional-args";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { fillGrid, gridHeight, gridWidth, toGrid, toVector, transposeGrid } from "@/lib/excel/functions/value-grid";
import { arrayOf, Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

function filter(_ctx: EvalContext, source: RangeArg, include: RangeArg, ifEmpty?: Value): Value {
  const rows = source.rows;
  const flags = toVector(include.rows);
  if (!flags) return Errors.VALUE;
  const byRows = gridWidth(include.rows) === 1 && flags.length === gridHeight(rows);
  if (!byRows && !(gridHeight(include.rows) === 1 && flags.length === gridWidth(rows))) return Errors.VALUE;
  const keep: boolean[] = [];
  for (const flag of flags) {
    if (flag instanceof ExcelError) return flag;
    if (typeof flag === "string") return Errors.VALUE;
    keep.push(flag === true || (typeof flag === "number" && flag !== 0));
  }
  const picked = byRows ? rows.filter((_, i) => keep[i]) : rows.map((row) => row.filter((_, i) => keep[i]));
  if (picked.length === 0 || gridWidth(picked) === 0) return ifEmpty === undefined ? Errors.CALC : ifEmpty;
  return arrayOf(picked);
}

/** Sort order: numbers < text < FALSE < TRUE < errors; blanks always last. */
function typeRank(v: Scalar): number {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  if (typeof v === "boolean") return 2;
  return v instanceof ExcelError ? 3 : 4;
}

export function compareForSort(a: Scalar, b: Scalar, order: 1 | -1): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra === 4 || rb === 4) return ra - rb;
  if (ra !== rb) return (ra - rb) * order;
  if (typeof a === "string" && typeof b === "string") return compareText(a, b) * order;
  if (typeof a === "number" && typeof b === "number") return (a - b) * order;
  if (typeof a === "boolean" && typeof b === "boolean") return (Number(a) - Number(b)) * order;
  return 0;
}

interface SortKey {
  readonly values: Scalar[];
  readonly order: 1 | -1;
}

function sortedLines(lines: Scalar[][], keys: SortKey[]): Scalar[][] {
  const indexes = lines.map((_, i) => i);
  indexes.sort((x, y) => {
    for (const key of keys) {
      const c = compareForSort(key.values[x] ?? null, key.values[y] ?? null, key.order);
      if (c !== 0) return c;
    }
    return x - y;
  });
  return indexes.map((i) => lines[i] as Scalar[]);
}

function sortOrder(n: number): 1 | -1 | ExcelError {
  return n === 1 ? 1 : n === -1 ? -1 : Errors.VALUE;
}

function sort(ctx: EvalContext, source: RangeArg, index?: Value, order?: Value, byCol?: Scalar): Value {
  const columns = optionalBoolean(byCol, false);
  if (columns instanceof ExcelError) return columns;
  const lines = columns ? transposeGrid(source.rows) : source.rows;
  const indexes = index === undefined || index === null ? [1] : numberList(ctx, index);
  if (indexes instanceof ExcelError) return indexes;
  const orders = order === undefined || order === null ? [1] : numberList(ctx, order);
  if (orders instanceof ExcelError) return orders;
  const keys: SortKey[] = [];
  for (let k = 0; k < indexes.length; k++) {
    const at = Math.trunc(indexes[k] as number);
    if (at < 1 || at > gridWidth(lines)) return Errors.VALUE;
    const direction = sortOrder(Math.trunc(orders[Math.min(k, orders.length - 1)] as number));
    if (direction instanceof ExcelError) return direction;
    keys.push({ values: lines.map((line) => line[at - 1] ?? null), order: direction });
  }
  const sorted = sortedLines(lines, keys);
  return arrayOf(columns ? transposeGrid(sorted) : sorted);
}

function sortby(ctx: EvalContext, source: RangeArg, ...pairs: Value[]): Value {
  const rows = source.rows;
  const keys: SortKey[] = [];
  let byColumns: boolean | undefined;
  for (let k = 0; k < pairs.length; k += 2) {
    const by = pairs[k] as Value;
    const grid = toGrid(ctx, by);
    if (grid instanceof ExcelError) return grid;
    const vector = toVector(grid);
    if (!vector) return Errors.VALUE;
    const columns = gridHeight(grid) === 1 && gridWidth(grid) > 1;
    const matches = columns ? vector.length === gridWidth(rows) : vector.length === gridHeight(rows);
    if (!matches || (byColumns !== undefined && byColumns !== columns)) return Errors.VALUE;
    byColumns = columns;
    const orderValue = pairs[k + 1];
    const n = orderValue === undefined || orderValue === null ? 1 : toNumber(firstOf(ctx, orderValue));
    if (n instanceof ExcelError) return n;
    const direction = sortOrder(Math.trunc(n));
    if (direction instanceof ExcelError) return direction;
    keys.push({ values: vector, order: direction });
  }
  if (byColumns) return arrayOf(transposeGrid(sortedLines(transposeGrid(rows), keys)));
  return arrayOf(sortedLines(rows, keys));
}

function firstOf(ctx: EvalContext, value: Value): Scalar {
  const grid = toGrid(ctx, value);
  return grid instanceof ExcelError ? grid : (grid[0]?.[0] ?? null);
}

function uniqueKey(line: Scalar[]): string {
  return line
    .map((v) => (v instanceof ExcelError ? `e${v.code}` : v === null ? "b" : typeof v === "string" ? `s${v.toLowerCase()}` : `${typeof v}${String(v)}`))
    .join("\u0000");
}

function unique(_ctx: EvalContext, source: RangeArg, byCol?: Scalar, exactlyOnce?: Scalar): Value {
  const columns = optionalBoolean(byCol, false);
  if (columns instanceof ExcelError) return columns;
  const once = optionalBoolean(exactlyOnce, false);
  if (once instanceof ExcelError) return once;
  const lines = columns ? transposeGrid(source.rows) : source.rows;
  const counts = new Map<string, { line: Scalar[]; count: number }>();
  for (const line of lines) {
    const key = uniqueKey(line);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { line, count: 1 });
  }
  const kept = [...counts.values()].filter((e) => !once || e.count === 1).map((e) => e.line);
  if (kept.length === 0) return Errors.CALC;
  return arrayOf(columns ? transposeGrid(kept) : kept);
}

function sequence(_ctx: EvalContext, rows: Scalar, cols?: Scalar, start?: Scalar, step?: Scalar): Value {
  const values = [optionalNumber(rows, 1), optionalNumber(cols, 1), optionalNumber(start, 1), optionalNumber(step, 1)];
  for (const v of values) if (v instanceof ExcelError) return v;
  const [r, c, s, d] = values as number[];
  const height = Math.trunc(r as number);
  const width = Math.trunc(c as number);
  if (height < 0 || width < 0) return Errors.VALUE;
  if (height === 0 || width === 0) return Errors.CALC;
  return arrayOf(fillGrid(height, width, (i, j) => (s as number) + (i * width + j) * (d as number)));
}

function randarray(ctx: EvalContext, rows?: Scalar, cols?: Scalar, min?: Scalar, max?: Scalar, whole?: Scalar): Value {
  const values = [optionalNumber(rows, 1), optionalNumber(cols, 1), optionalNumber(min, 0), optionalNumber(max, 1)];
  for (const v of values) if (v instanceof ExcelError) return v;
  const integer = optionalBoolean(whole, false);
  if (integer instanceof ExcelError) return integer;
  const [r, c, lo, hi] = values as [number, number, number, number];
  const height = Math.trunc(r);
  const width = Math.trunc(c);
  if (height < 0 || width < 0 || lo > hi) return Errors.VALUE;
  if (height === 0 || width === 0) return Errors.CALC;
  if (integer && (!Number.isInteger(lo) || !Number.isInteger(hi))) return Errors.VALUE;
  return arrayOf(
    fillGrid(height, width, () => (integer ? lo + Math.floor(ctx.random() * (hi - lo + 1)) : lo + ctx.random() * (hi - lo))),
  );
}

export const dynamicArrayFunctions: FunctionSpec[] = [
  { name: "FILTER", minArgs: 2, maxArgs: 3, args: ["range", "range", "any"], noLift: true, impl: filter },
  { name: "SORT", minArgs: 1, maxArgs: 4, args: ["range", "any", "any", "scalar"], noLift: true, impl: sort },
  { name: "SORTBY", minArgs: 2, maxArgs: 253, args: ["range", "any"], noLift: true, impl: sortby },
  { name: "UNIQUE", minArgs: 1, maxArgs: 3, args: ["range", "scalar", "scalar"], noLift: true, impl: unique },
  { name: "SEQUENCE", minArgs: 1, maxArgs: 4, args: ["scalar"], noLift: true, impl: sequence },
  { name: "RANDARRAY", minArgs: 0, maxArgs: 5, args: ["scalar"], noLift: true, volatile: true, impl: randarray },
];
