/**
 * The shared base of every spreadsheet function: turns a FunctionSpec and its compiled argument
 * closures into one closure that evaluates arguments per ArgKind, coerces them with Excel's rules,
 * propagates errors and lifts scalar parameters element-wise over arrays.
 */
import { toBoolean, toNumber, toText } from "@/lib/excel/coerce";
import { broadcastAt } from "@/lib/excel/compile/operators";
import type { ArgKind, EvalContext, FunctionSpec, RangeArg, Thunk } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isArrayValue, type Scalar, type Value } from "@/lib/excel/values";

export type EvalFn = () => Value;

export function argKindAt(spec: FunctionSpec, index: number): ArgKind {
  return spec.args[Math.min(index, spec.args.length - 1)] ?? "any";
}

/** Does this kind receive references unevaluated (so its expression is compiled in array context)? */
export function takesReference(kind: ArgKind): boolean {
  return kind === "range" || kind === "reference" || kind === "any";
}

function isScalarKind(kind: ArgKind): boolean {
  return kind === "number" || kind === "string" || kind === "boolean" || kind === "scalar";
}

function coerce(kind: ArgKind, v: Scalar): unknown {
  switch (kind) {
    case "number":
      return typeof v === "number" ? v : toNumber(v);
    case "string":
      return typeof v === "string" ? v : toText(v);
    case "boolean":
      return typeof v === "boolean" ? v : toBoolean(v);
    default:
      return v;
  }
}

function isScalarValue(v: Value): v is Scalar {
  return typeof v !== "object" || v === null || v instanceof ExcelError;
}

/** Collapses a function result to one scalar (used per element when lifting). */
function firstScalar(ctx: EvalContext, v: Value): Scalar {
  if (isScalarValue(v)) return v;
  if (v.kind === "array") return v.rows[0]?.[0] ?? null;
  if (v.kind === "reference") {
    const area = v.areas[0];
    if (v.areas.length !== 1 || !area) return Errors.VALUE;
    return ctx.readAreaValues({ ...area, bottom: area.top, right: area.left })[0]?.[0] ?? null;
  }
  return Errors.VALUE;
}

export function toRangeArg(ctx: EvalContext, v: Value): RangeArg {
  if (isScalarValue(v)) return { rows: [[v]] };
  if (v.kind === "array") return { rows: v.rows };
  if (v.kind === "reference") {
    if (v.areas.length === 1) return { rows: ctx.readAreaValues(v.areas[0] as never), areas: v.areas };
    const flat: Scalar[] = [];
    for (const area of v.areas) for (const row of ctx.readAreaValues(area)) flat.push(...row);
    return { rows: [flat], areas: v.areas };
  }
  return { rows: [[Errors.VALUE]] };
}

/** A call whose scalar parameters received arrays, evaluated element-wise (kept out of buildInvocation's closure). */
function lifted(ctx: EvalContext, impl: (...a: unknown[]) => Value, kinds: readonly ArgKind[], values: unknown[], arrays: (Scalar[][] | null)[]): Value {
  const n = kinds.length;
  let height = 1;
  let width = 1;
  for (const rows of arrays) {
    if (!rows) continue;
    height = Math.max(height, rows.length);
    width = Math.max(width, rows[0]?.length ?? 0);
  }
  const out: Scalar[][] = [];
  const call = values.slice();
  for (let r = 0; r < height; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < width; c++) {
      let error: ExcelError | null = null;
      for (let i = 0; i < n; i++) {
        const rows = arrays[i];
        if (!rows) continue;
        const coerced = coerce(kinds[i] as ArgKind, broadcastAt(rows, r, c));
        if (coerced instanceof ExcelError && kinds[i] !== "scalar") {
          error = coerced;
          break;
        }
        call[i + 1] = coerced;
      }
      row.push(error ?? firstScalar(ctx, impl(...call)));
    }
    out.push(row);
  }
  return arrayOf(out);
}

/**
 * Builds the closure for a call. `args[i]` is null for an omitted argument (`F(1,,2)`), which reaches
 * scalar parameters as a blank. Arity must already be checked by the caller.
 */
export function buildInvocation(ctx: EvalContext, spec: FunctionSpec, args: readonly (EvalFn | null)[]): EvalFn {
  const n = args.length;
  const kinds = args.map((_, i) => argKindAt(spec, i));
  const impl = spec.impl as (...a: unknown[]) => Value;
  const liftable = !spec.noLift;
  const thunks: (Thunk | null)[] = args.map((fn, i) => (kinds[i] === "lazy" ? (fn ?? (() => null)) : null));

  return () => {
    const values: unknown[] = new Array<unknown>(n + 1);
    values[0] = ctx;
    let arrays: (Scalar[][] | null)[] | null = null;
    for (let i = 0; i < n; i++) {
      const kind = kinds[i] as ArgKind;
      const fn = args[i];
      if (kind === "lazy") {
        values[i + 1] = thunks[i];
        continue;
      }
      const v: Value = fn ? fn() : null;
      if (isScalarKind(kind)) {
        if (isScalarValue(v)) {
          const coerced = coerce(kind, v);
          if (coerced instanceof ExcelError && kind !== "scalar") return coerced;
          values[i + 1] = coerced;
        } else if (isArrayValue(v)) {
          if (liftable) {
            arrays ??= new Array<Scalar[][] | null>(n).fill(null);
            arrays[i] = v.rows;
          } else {
            const coerced = coerce(kind, v.rows[0]?.[0] ?? null);
            if (coerced instanceof ExcelError && kind !== "scalar") return coerced;
            values[i + 1] = coerced;
          }
        } else {
          return Errors.VALUE;
        }
      } else if (kind === "range") {
        values[i + 1] = toRangeArg(ctx, v);
      } else if (kind === "reference") {
        if (v instanceof ExcelError) return v;
        if (typeof v !== "object" || v === null || v.kind !== "reference") return Errors.VALUE;
        values[i + 1] = { areas: v.areas };
      } else {
        values[i + 1] = v;
      }
    }
    if (arrays) return lifted(ctx, impl, kinds, values, arrays);
    return impl(...values);
  };
}
