/**
 * PIVOTBY(row_fields, col_fields, values, function, [field_headers], [row_total_depth], [row_sort_order],
 * [col_total_depth], [col_sort_order], [filter_array]): GROUPBY on two axes for one level each way. The
 * distinct row keys run down, the distinct column keys across, each cell aggregates the rows matching
 * both (blank where none do), with a "Total" column and row unless their depth is 0 (negative: first).
 */
import { aggregator, type Group, groupRows, headerMode, keptRows, orderList, single } from "@/lib/excel/functions/lookup/group-by";
import { compareForSort } from "@/lib/excel/functions/lookup/dynamic-arrays";
import { toGrid } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isLambda, type Scalar, type Value } from "@/lib/excel/values";

interface Axis {
  readonly groups: Group[];
  readonly total: boolean;
  readonly totalFirst: boolean;
}

function axis(ctx: EvalContext, keys: Scalar[][], rows: number[], depth: Value | undefined, sort: Value | undefined): Axis | ExcelError {
  const depthValue = single(depth ?? null, ctx);
  const d = depthValue === null ? 1 : typeof depthValue === "number" ? Math.trunc(depthValue) : Errors.VALUE;
  if (d instanceof ExcelError) return d;
  const order = orderList(ctx, sort);
  if (order instanceof ExcelError) return order;
  const descending = order.some((n) => n < 0);
  const groups = groupRows(keys, rows, 0, 1).sort((a, b) => compareForSort(a.key, b.key, descending ? -1 : 1));
  return { groups, total: d !== 0, totalFirst: d < 0 };
}

function withTotal<T>(items: T[], total: T, a: Axis): T[] {
  if (!a.total) return items;
  return a.totalFirst ? [total, ...items] : [...items, total];
}

function pivotBy(ctx: EvalContext, ...args: (Value | undefined)[]): Value {
  const [rowFields, colFields, data, fnValue, headers, rowDepth, rowSort, colDepth, colSort, filter] = args;
  if (fnValue === undefined || !isLambda(fnValue)) return fnValue instanceof ExcelError ? fnValue : Errors.VALUE;
  const grids = [rowFields, colFields, data].map((v) => toGrid(ctx, v ?? null));
  const [rowGrid, colGrid, valueGrid] = grids;
  for (const g of grids) if (g instanceof ExcelError) return g;
  if (!Array.isArray(rowGrid) || !Array.isArray(colGrid) || !Array.isArray(valueGrid)) return Errors.VALUE;
  if (rowGrid.length !== valueGrid.length || colGrid.length !== valueGrid.length) return Errors.VALUE;
  if ((rowGrid[0]?.length ?? 0) !== 1 || (colGrid[0]?.length ?? 0) !== 1 || (valueGrid[0]?.length ?? 0) !== 1) return Errors.NA;
  const mode = headerMode(single(headers ?? null, ctx), valueGrid, 1);
  if (mode instanceof ExcelError) return mode;
  const start = mode.has ? 1 : 0;
  const values = valueGrid.slice(start);
  const filterGrid = filter === undefined || filter === null ? undefined : toGrid(ctx, filter);
  if (filterGrid instanceof ExcelError) return filterGrid;
  if (filterGrid && filterGrid.length !== valueGrid.length) return Errors.VALUE;
  const kept = keptRows(values.length, start, filterGrid);
  if (kept.length === 0) return Errors.CALC;
  const rowAxis = axis(ctx, rowGrid.slice(start), kept, rowDepth, rowSort);
  if (rowAxis instanceof ExcelError) return rowAxis;
  const colAxis = axis(ctx, colGrid.slice(start), kept, colDepth, colSort);
  if (colAxis instanceof ExcelError) return colAxis;
  const aggregate = aggregator(ctx, fnValue, values);
  const all: Group = { key: "Total", rows: kept, children: [] };
  const columns = withTotal(colAxis.groups, all, colAxis);
  const cell = (rows: number[], column: Group): Scalar => {
    const both = rows.filter((r) => column.rows.includes(r));
    return both.length === 0 ? "" : aggregate(both, 0);
  };
  const body = withTotal(rowAxis.groups, all, rowAxis).map((row) => [row.key, ...columns.map((column) => cell(row.rows, column))]);
  return arrayOf([["", ...columns.map((c) => c.key)], ...body]);
}

export const pivotByFunctions: FunctionSpec[] = [{ name: "PIVOTBY", minArgs: 4, maxArgs: 11, args: ["any"], noLift: true, impl: pivotBy }];
