/** Logical functions: IF, IFS, IFERROR, IFNA, AND, OR, XOR, NOT, TRUE, FALSE, SWITCH. */
import { compareScalars, toBoolean } from "@/lib/excel/coerce";
import { collectingSpec, flattenValue, isRangeLike, scalarOrGrid, toGrid } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec, Thunk } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isArrayValue, isLambda, isReference, type Scalar, type Value } from "@/lib/excel/values";

/** A cell-level result: blank becomes 0 as Excel shows it. */
function settle(value: Value): Value {
  return value === null ? 0 : value;
}

/** Element (r, c) of a value broadcast over an array result. */
function elementAt(ctx: EvalContext, value: Value, r: number, c: number): Scalar {
  if (!isReference(value) && !isArrayValue(value)) return isLambda(value) ? Errors.VALUE : value;
  const grid = toGrid(ctx, value);
  if (grid instanceof ExcelError) return grid;
  const row = grid.length === 1 ? grid[0] : grid[r];
  if (!row) return Errors.NA;
  const v = row.length === 1 ? row[0] : row[c];
  return v === undefined ? Errors.NA : (v ?? 0);
}

function conditionOf(value: Scalar): boolean | ExcelError {
  return toBoolean(value);
}

function evaluateIf(ctx: EvalContext, condition: Value, whenTrue?: Thunk, whenFalse?: Thunk): Value {
  const resolved = scalarOrGrid(ctx, condition);
  if (Array.isArray(resolved)) {
    let trueValue: Value | undefined;
    let falseValue: Value | undefined;
    return arrayOf(
      resolved.map((row, r) =>
        row.map((cell, c) => {
          const test = conditionOf(cell);
          if (test instanceof ExcelError) return test;
          if (test) {
            trueValue ??= whenTrue ? whenTrue() : true;
            return elementAt(ctx, trueValue, r, c);
          }
          falseValue ??= whenFalse ? whenFalse() : false;
          return elementAt(ctx, falseValue, r, c);
        }),
      ),
    );
  }
  const test = conditionOf(resolved);
  if (test instanceof ExcelError) return test;
  if (test) return whenTrue ? settle(whenTrue()) : true;
  return whenFalse ? settle(whenFalse()) : false;
}

/** Booleans from AND/OR/XOR arguments: ranges skip text and blanks; no values at all is #VALUE!. */
function collectBooleans(ctx: EvalContext, args: Value[]): boolean[] | ExcelError {
  const out: boolean[] = [];
  for (const arg of args) {
    if (isRangeLike(arg)) {
      for (const v of flattenValue(ctx, arg)) {
        if (v instanceof ExcelError) return v;
        if (typeof v === "boolean") out.push(v);
        else if (typeof v === "number") out.push(v !== 0);
      }
    } else if (isLambda(arg)) return Errors.VALUE;
    else if (arg !== "") {
      const b = toBoolean(arg as Scalar);
      if (b instanceof ExcelError) return b;
      out.push(b);
    }
  }
  return out.length === 0 ? Errors.VALUE : out;
}

function booleanAggregate(name: string, reduce: (values: boolean[]) => boolean): FunctionSpec {
  return collectingSpec(name, collectBooleans, reduce);
}

/** Replaces errors (all, or only #N/A) in a value, element-wise over arrays. */
function replaceErrors(ctx: EvalContext, value: Value, fallback: Thunk, only?: ExcelError): Value {
  const hit = (v: Scalar) => v instanceof ExcelError && (only === undefined || v === only);
  const resolved = scalarOrGrid(ctx, value);
  if (Array.isArray(resolved)) {
    let replacement: Value | undefined;
    return arrayOf(
      resolved.map((row, r) =>
        row.map((v, c) => {
          if (!hit(v)) return v ?? 0;
          replacement ??= fallback();
          return elementAt(ctx, replacement, r, c);
        }),
      ),
    );
  }
  return hit(resolved) ? settle(fallback()) : settle(resolved);
}

export const logicalFunctions: FunctionSpec[] = [
  {
    name: "IF",
    minArgs: 2,
    maxArgs: 3,
    args: ["any", "lazy", "lazy"],
    impl: (ctx: EvalContext, condition: Value, whenTrue?: Thunk, whenFalse?: Thunk) => evaluateIf(ctx, condition, whenTrue, whenFalse),
  },
  {
    name: "IFS",
    minArgs: 2,
    maxArgs: 254,
    args: ["lazy"],
    impl: (ctx: EvalContext, ...pairs: Thunk[]) => {
      if (pairs.length % 2 !== 0) return Errors.NA;
      for (let i = 0; i < pairs.length; i += 2) {
        const resolved = scalarOrGrid(ctx, (pairs[i] as Thunk)());
        const test = conditionOf(Array.isArray(resolved) ? (resolved[0]?.[0] ?? null) : resolved);
        if (test instanceof ExcelError) return test;
        if (test) return settle((pairs[i + 1] as Thunk)());
      }
      return Errors.NA;
    },
  },
  {
    name: "IFERROR",
    minArgs: 2,
    maxArgs: 2,
    args: ["any", "lazy"],
    impl: (ctx: EvalContext, value: Value, fallback: Thunk) => replaceErrors(ctx, value, fallback),
  },
  {
    name: "IFNA",
    minArgs: 2,
    maxArgs: 2,
    args: ["any", "lazy"],
    impl: (ctx: EvalContext, value: Value, fallback: Thunk) => replaceErrors(ctx, value, fallback, Errors.NA),
  },
  booleanAggregate("AND", (vs) => vs.every(Boolean)),
  booleanAggregate("OR", (vs) => vs.some(Boolean)),
  booleanAggregate("XOR", (vs) => vs.filter(Boolean).length % 2 === 1),
  { name: "NOT", minArgs: 1, maxArgs: 1, args: ["boolean"], impl: (_ctx: EvalContext, b: boolean) => !b },
  { name: "TRUE", minArgs: 0, maxArgs: 0, args: [], impl: () => true },
  { name: "FALSE", minArgs: 0, maxArgs: 0, args: [], impl: () => false },
  {
    name: "SWITCH",
    minArgs: 3,
    maxArgs: 254,
    args: ["any", "lazy"],
    impl: (ctx: EvalContext, expression: Value, ...rest: Thunk[]) => {
      const resolved = scalarOrGrid(ctx, expression);
      const subject = Array.isArray(resolved) ? (resolved[0]?.[0] ?? null) : resolved;
      if (subject instanceof ExcelError) return subject;
      const pairCount = Math.floor(rest.length / 2);
      for (let i = 0; i < pairCount; i++) {
        const candidate = scalarOrGrid(ctx, (rest[2 * i] as Thunk)());
        const value = Array.isArray(candidate) ? (candidate[0]?.[0] ?? null) : candidate;
        if (value instanceof ExcelError) return value;
        if (typeof value === typeof subject && compareScalars(subject, value) === 0) return settle((rest[2 * i + 1] as Thunk)());
      }
      return rest.length % 2 === 1 ? settle((rest[rest.length - 1] as Thunk)()) : Errors.NA;
    },
  },
];
