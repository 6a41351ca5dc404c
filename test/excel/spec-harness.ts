/**
 * Calls a FunctionSpec's impl the way the invoke base does (coercion per ArgKind, no lifting) against a
 * small in-memory sheet, for unit tests of single functions.
 */
import { toBoolean, toNumber, toText } from "@/lib/excel/coerce";
import { parseAreaAddress, splitSheetAddress } from "@/lib/excel/formula/references";
import type { ArgKind, EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, isArrayValue, isReference, type Area, type Scalar, type Value } from "@/lib/excel/values";

export interface HarnessOptions {
  readonly cells?: Record<string, Scalar>;
  readonly formulas?: Record<string, string>;
  readonly now?: Date;
  readonly random?: () => number;
  readonly origin?: string;
}

function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${row},${col}`;
}

export function makeContext(options: HarnessOptions = {}): EvalContext {
  const cells = new Map<string, Scalar>();
  for (const [address, value] of Object.entries(options.cells ?? {})) {
    const area = refArea(address);
    cells.set(cellKey(area.sheet, area.top, area.left), value);
  }
  const origin = refArea(options.origin ?? "Z100");
  return {
    origin: { sheet: origin.sheet, row: origin.top, col: origin.left },
    readAreaValues: (area) => {
      const rows: Scalar[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: Scalar[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(cells.get(cellKey(area.sheet, r, c)) ?? null);
        rows.push(row);
      }
      return rows;
    },
    parseReference: (text, a1) => {
      if (!a1) {
        const m = /^R(\d+)C(\d+)$/i.exec(text);
        return m ? { kind: "reference", areas: [{ sheet: "Sheet1", top: Number(m[1]) - 1, left: Number(m[2]) - 1, bottom: Number(m[1]) - 1, right: Number(m[2]) - 1 }] } : Errors.REF;
      }
      const { address } = splitSheetAddress(text);
      return parseAreaAddress(address) ? ref(text) : Errors.REF;
    },
    sheetBounds: () => ({ rows: 100, cols: 26 }),
    sheetNames: ["Sheet1", "Sheet2"],
    formulaAt: (sheet, row, col) => options.formulas?.[`${sheet}!${row},${col}`],
    now: () => options.now ?? new Date(2024, 0, 31, 10, 30),
    random: options.random ?? (() => 0.5),
  };
}

function refArea(text: string): Area {
  const { sheet, address } = splitSheetAddress(text);
  const bounds = parseAreaAddress(address);
  if (!bounds) throw new Error(`bad address ${text}`);
  return { sheet: sheet ?? "Sheet1", ...bounds };
}

/** A reference value for "A1:B2", "Sheet2!C3" or a union written "A1:A2,C1:C2". */
export function ref(text: string): Value {
  return { kind: "reference", areas: text.split(",").map(refArea) };
}

export function arr(rows: Scalar[][]): Value {
  return arrayOf(rows);
}

function coerceArg(ctx: EvalContext, kind: ArgKind, value: Value): unknown {
  if (kind === "any") return value;
  if (kind === "lazy") return () => value;
  if (kind === "reference") return isReference(value) ? { areas: value.areas } : Errors.VALUE;
  if (kind === "range") {
    if (isReference(value)) return { rows: value.areas.flatMap((a) => ctx.readAreaValues(a)), areas: value.areas };
    if (isArrayValue(value)) return { rows: value.rows };
    return { rows: [[value]] };
  }
  let scalar = value;
  if (isReference(value)) scalar = ctx.readAreaValues(value.areas[0] as Area)[0]?.[0] ?? null;
  if (isArrayValue(value)) scalar = value.rows[0]?.[0] ?? null;
  const s = scalar as Scalar;
  if (kind === "scalar") return s;
  if (kind === "number") return toNumber(s);
  if (kind === "string") return toText(s);
  return toBoolean(s);
}

/** Calls `name` from `specs` with already-evaluated argument values; `undefined` is an omitted argument. */
export function callSpec(specs: readonly FunctionSpec[], name: string, args: (Value | undefined)[], options: HarnessOptions = {}): Value {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`no spec ${name}`);
  if (args.length < spec.minArgs || args.length > spec.maxArgs) throw new Error(`arity ${name}`);
  const ctx = makeContext(options);
  const coerced: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i];
    const kind = spec.args[Math.min(i, spec.args.length - 1)] as ArgKind;
    if (value === undefined) {
      coerced.push(undefined);
      continue;
    }
    const arg = coerceArg(ctx, kind, value);
    if (arg instanceof ExcelError && kind !== "scalar" && kind !== "any" && kind !== "range") return arg;
    coerced.push(arg);
  }
  return (spec.impl as (ctx: EvalContext, ...a: unknown[]) => Value)(ctx, ...coerced);
}
