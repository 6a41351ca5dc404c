/** Criteria aggregates: SUMIF(S), COUNTIF(S), AVERAGEIF(S), MINIFS, MAXIFS. */
import { parseCriteria, type Matcher } from "@/lib/excel/criteria";
import { readPairedGrids, resizeLike, scalarOrGrid } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isReference, type Scalar, type Value } from "@/lib/excel/values";

type Result = number | ExcelError;

/** Calls `fn` once per criterion; an array of criteria yields an array of results (lifting). */
function liftCriteria(ctx: EvalContext, criteria: readonly Value[], fn: (matchers: Matcher[]) => Result): Value {
  const resolved = criteria.map((c) => scalarOrGrid(ctx, c));
  const gridIndex = resolved.findIndex((r) => Array.isArray(r));
  if (gridIndex < 0) return fn((resolved as Scalar[]).map(parseCriteria));
  const grid = resolved[gridIndex] as Scalar[][];
  return arrayOf(
    grid.map((row, r) =>
      row.map((_, c) =>
        fn(resolved.map((x) => parseCriteria(Array.isArray(x) ? (x[r]?.[c] ?? null) : x))),
      ),
    ),
  );
}

/** Positions (row-major) where every criteria range matches its criterion. */
function matchingMask(ranges: Scalar[][][], matchers: Matcher[]): boolean[] {
  const first = ranges[0] ?? [];
  const mask: boolean[] = [];
  for (let r = 0; r < first.length; r++) {
    const row = first[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      mask.push(matchers.every((m, i) => m(ranges[i]?.[r]?.[c] ?? null)));
    }
  }
  return mask;
}

type Reducer = (values: Scalar[]) => Result;

const sumReducer: Reducer = (values) => {
  let sum = 0;
  for (const v of values) {
    if (v instanceof ExcelError) return v;
    if (typeof v === "number") sum += v;
  }
  return sum;
};

const averageReducer: Reducer = (values) => {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v instanceof ExcelError) return v;
    if (typeof v === "number") {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Errors.DIV0 : sum / count;
};

function extremeReducer(pick: (a: number, b: number) => number): Reducer {
  return (values) => {
    let result: number | undefined;
    for (const v of values) {
      if (v instanceof ExcelError) return v;
      if (typeof v === "number") result = result === undefined ? v : pick(result, v);
    }
    return result ?? 0;
  };
}

/** Shared body of the *IFS functions: `target` (or none for COUNTIFS) then range/criterion pairs. */
function evaluateIfs(ctx: EvalContext, target: Value | undefined, pairs: Value[], reduce: Reducer | "count"): Value {
  if (pairs.length % 2 !== 0) return Errors.VALUE;
  const ranges = pairs.filter((_, i) => i % 2 === 0);
  const criteria = pairs.filter((_, i) => i % 2 === 1);
  // A range argument that is an error (SUMIF(#REF!,">0") after its rows were deleted) is the result.
  const badRange = [target, ...ranges].find((r) => r instanceof ExcelError);
  if (badRange) return badRange;
  const grids = readPairedGrids(ctx, target === undefined ? ranges : [target, ...ranges]);
  if (grids instanceof ExcelError) return grids;
  const targetGrid = target === undefined ? undefined : grids[0];
  const criteriaGrids = target === undefined ? grids : grids.slice(1);
  const unread = unreadCells(ranges[0] as Value, criteriaGrids[0] ?? []);
  return liftCriteria(ctx, criteria, (matchers) => {
    const mask = matchingMask(criteriaGrids, matchers);
    if (reduce === "count") return mask.filter(Boolean).length + (matchers.every((m) => m(null)) ? unread : 0);
    const values = (targetGrid ?? []).flat().filter((_, i) => mask[i]);
    return reduce(values);
  });
}

/** Cells of a reference beyond the used range that were not read (blank by definition). */
function unreadCells(range: Value, grid: Scalar[][]): number {
  if (!isReference(range)) return 0;
  const area = range.areas[0];
  if (!area) return 0;
  const total = (area.bottom - area.top + 1) * (area.right - area.left + 1);
  return total - grid.length * (grid[0]?.length ?? 0);
}

function ifSpec(name: string, reduce: Reducer): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 3,
    args: ["any"],
    impl: (ctx: EvalContext, range: Value, criterion: Value, target?: Value) =>
      evaluateIfs(ctx, target === undefined ? range : resizeLike(target, range), [range, criterion], reduce),
  };
}

function ifsSpec(name: string, reduce: Reducer): FunctionSpec {
  return {
    name,
    minArgs: 3,
    maxArgs: 255,
    args: ["any"],
    impl: (ctx: EvalContext, target: Value, ...pairs: Value[]) => evaluateIfs(ctx, target, pairs, reduce),
  };
}

export const conditionalAggregateFunctions: FunctionSpec[] = [
  ifSpec("SUMIF", sumReducer),
  ifSpec("AVERAGEIF", averageReducer),
  ifsSpec("SUMIFS", sumReducer),
  ifsSpec("AVERAGEIFS", averageReducer),
  ifsSpec("MINIFS", extremeReducer(Math.min)),
  ifsSpec("MAXIFS", extremeReducer(Math.max)),
  {
    name: "COUNTIF",
    minArgs: 2,
    maxArgs: 2,
    args: ["any"],
    impl: (ctx: EvalContext, range: Value, criterion: Value) => evaluateIfs(ctx, undefined, [range, criterion], "count"),
  },
  {
    name: "COUNTIFS",
    minArgs: 2,
    maxArgs: 254,
    args: ["any"],
    impl: (ctx: EvalContext, ...pairs: Value[]) => evaluateIfs(ctx, undefined, pairs, "count"),
  },
];
