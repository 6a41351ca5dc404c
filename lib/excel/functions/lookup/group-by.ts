/**
 * GROUPBY(row_fields, values, function, [field_headers], [total_depth], [sort_order], [filter_array],
 * [field_relationship]): a summary of `values` grouped by the distinct rows of `row_fields`, one level per
 * row-field column, each group aggregated by `function` (a LAMBDA or a function named as a value; one that
 * needs two arguments, like PERCENTOF, also gets every value of its column). Headers are detected when
 * omitted (text over a number in `values`) and shown when there are several levels; totals default to a
 * grand total plus, with several levels, subtotals; groups sort ascending unless `sort_order` says otherwise.
 * The key cells a subtotal or total row leaves out are empty text (shown blank, as Excel shows them).
 */
import { toGrid } from "@/lib/excel/functions/collect";
import { compareForSort } from "@/lib/excel/functions/lookup/dynamic-arrays";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isArrayValue, isLambda, isReference, type LambdaValue, type Scalar, type Value } from "@/lib/excel/values";

export interface Group {
  readonly key: Scalar;
  readonly rows: number[];
  readonly children: Group[];
}

interface Layout {
  readonly levels: number;
  readonly subtotalDepth: number;
  readonly totalsOnTop: boolean;
  readonly grandTotal: boolean;
  readonly order: readonly number[];
}

const sameKey = (a: Scalar, b: Scalar): boolean => compareForSort(a, b, 1) === 0 && typeof a === typeof b;

export function groupRows(keys: Scalar[][], rows: number[], level: number, levels: number): Group[] {
  const groups: { key: Scalar; rows: number[] }[] = [];
  for (const r of rows) {
    const key = keys[r]?.[level] ?? null;
    const found = groups.find((g) => sameKey(g.key, key));
    if (found) found.rows.push(r);
    else groups.push({ key, rows: [r] });
  }
  return groups.map((g) => ({ ...g, children: level + 1 < levels ? groupRows(keys, g.rows, level + 1, levels) : [] }));
}

export function single(v: Value, ctx: EvalContext): Scalar {
  if (isArrayValue(v)) return v.rows.length === 1 && v.rows[0]?.length === 1 ? (v.rows[0][0] ?? null) : Errors.CALC;
  if (isReference(v)) return v.areas.length === 1 ? (ctx.readAreaValues(v.areas[0]!)[0]?.[0] ?? null) : Errors.CALC;
  return isLambda(v) ? Errors.CALC : v;
}

export function aggregator(ctx: EvalContext, fn: LambdaValue, values: Scalar[][]): (rows: number[], column: number) => Scalar {
  const [min, max] = fn.arity ?? [fn.params.length, fn.params.length];
  if (min > 2 || max < 1) return () => Errors.VALUE;
  const withAll = min === 2;
  return (rows, column) => {
    const part = arrayOf(rows.map((r) => [values[r]?.[column] ?? null]));
    const all = arrayOf(values.map((row) => [row[column] ?? null]));
    return single(fn.call(withAll ? [part, all] : [part]), ctx);
  };
}

function sortGroups(groups: Group[], level: number, layout: Layout, aggregate: (rows: number[], column: number) => Scalar): Group[] {
  const bySelf = layout.order.find((n) => Math.abs(n) === level + 1);
  const byValue = layout.order.find((n) => Math.abs(n) > layout.levels);
  const sorted = [...groups].sort((a, b) => {
    if (bySelf === undefined && byValue !== undefined) {
      const column = Math.abs(byValue) - layout.levels - 1;
      return compareForSort(aggregate(a.rows, column), aggregate(b.rows, column), byValue < 0 ? -1 : 1);
    }
    return compareForSort(a.key, b.key, bySelf !== undefined && bySelf < 0 ? -1 : 1);
  });
  return sorted.map((g) => ({ ...g, children: sortGroups(g.children, level + 1, layout, aggregate) }));
}

function emitRows(groups: Group[], prefix: Scalar[], layout: Layout, line: (keys: Scalar[], rows: number[]) => Scalar[], out: Scalar[][]): void {
  const level = prefix.length;
  for (const group of groups) {
    const keys = [...prefix, group.key];
    if (group.children.length === 0) {
      out.push(line(keys, group.rows));
      continue;
    }
    const subtotal = level < layout.subtotalDepth ? line(keys, group.rows) : undefined;
    if (subtotal && layout.totalsOnTop) out.push(subtotal);
    emitRows(group.children, keys, layout, line, out);
    if (subtotal && !layout.totalsOnTop) out.push(subtotal);
  }
}

/** Data rows (after `start` header rows) that `filter_array` keeps: TRUE or a non-zero number; all without one. */
export function keptRows(count: number, start: number, filterGrid: Scalar[][] | undefined): number[] {
  const rows = Array.from({ length: count }, (_, r) => r);
  if (!filterGrid) return rows;
  return rows.filter((r) => {
    const v = filterGrid[r + start]?.[0];
    return v === true || (typeof v === "number" && v !== 0);
  });
}

export function headerMode(mode: Scalar | undefined, values: Scalar[][], levels: number): { has: boolean; show: boolean } | ExcelError {
  if (mode === undefined || mode === null) {
    const has = typeof values[0]?.[0] === "string" && typeof values[1]?.[0] === "number";
    return { has, show: has && levels > 1 };
  }
  if (typeof mode !== "number" || ![0, 1, 2, 3].includes(Math.trunc(mode))) return Errors.VALUE;
  const m = Math.trunc(mode);
  return { has: m === 1 || m === 3, show: m === 2 || m === 3 };
}

export function orderList(ctx: EvalContext, value: Value | undefined): number[] | ExcelError {
  if (value === undefined || value === null) return [];
  const grid = toGrid(ctx, value);
  if (grid instanceof ExcelError) return grid;
  const out: number[] = [];
  for (const v of grid.flat()) {
    if (v instanceof ExcelError) return v;
    if (typeof v !== "number" || v === 0) return Errors.VALUE;
    out.push(Math.trunc(v));
  }
  return out;
}

function groupBy(ctx: EvalContext, fields: Value, data: Value, fnValue: Value, headers?: Value, depth?: Value, sort?: Value, filter?: Value, relationship?: Value): Value {
  if (!isLambda(fnValue)) return fnValue instanceof ExcelError ? fnValue : Errors.VALUE;
  const keyGrid = toGrid(ctx, fields);
  if (keyGrid instanceof ExcelError) return keyGrid;
  const valueGrid = toGrid(ctx, data);
  if (valueGrid instanceof ExcelError) return valueGrid;
  if (keyGrid.length !== valueGrid.length) return Errors.VALUE;
  const levels = keyGrid[0]?.length ?? 0;
  const mode = headerMode(single(headers ?? null, ctx), valueGrid, levels);
  if (mode instanceof ExcelError) return mode;
  const start = mode.has ? 1 : 0;
  const keys = keyGrid.slice(start);
  const values = valueGrid.slice(start);
  const filterGrid = filter === undefined || filter === null ? undefined : toGrid(ctx, filter);
  if (filterGrid instanceof ExcelError) return filterGrid;
  if (filterGrid && filterGrid.length !== keyGrid.length) return Errors.VALUE;
  const kept = keptRows(values.length, start, filterGrid);
  if (kept.length === 0) return Errors.CALC;
  const depthValue = single(depth ?? null, ctx);
  const totalDepth = depthValue === null ? levels : typeof depthValue === "number" ? Math.trunc(depthValue) : Errors.VALUE;
  if (totalDepth instanceof ExcelError) return totalDepth;
  const order = orderList(ctx, sort);
  if (order instanceof ExcelError) return order;
  const table = single(relationship ?? null, ctx) === 1;
  const layout: Layout = {
    levels,
    grandTotal: totalDepth !== 0,
    subtotalDepth: table ? 0 : Math.abs(totalDepth) - 1,
    totalsOnTop: totalDepth < 0,
    order,
  };
  const aggregate = aggregator(ctx, fnValue, values);
  const width = values[0]?.length ?? 0;
  const line = (lineKeys: Scalar[], rows: number[]): Scalar[] => [
    ...Array.from({ length: levels }, (_, i) => (i < lineKeys.length ? (lineKeys[i] ?? null) : "")),
    ...Array.from({ length: width }, (_, c) => aggregate(rows, c)),
  ];
  const out: Scalar[][] = [];
  emitRows(sortGroups(groupRows(keys, kept, 0, levels), 0, layout, aggregate), [], layout, line, out);
  if (layout.grandTotal) {
    const total = line(["Total"], kept);
    if (layout.totalsOnTop) out.unshift(total);
    else out.push(total);
  }
  if (mode.show) {
    const names = mode.has ? [...(keyGrid[0] ?? []), ...(valueGrid[0] ?? [])] : [...keys[0]!.map((_, i) => `Row Field ${i + 1}`), ...values[0]!.map((_, i) => `Value ${i + 1}`)];
    out.unshift(names);
  }
  return arrayOf(out);
}

export const groupByFunctions: FunctionSpec[] = [{ name: "GROUPBY", minArgs: 3, maxArgs: 8, args: ["any"], noLift: true, impl: groupBy }];
