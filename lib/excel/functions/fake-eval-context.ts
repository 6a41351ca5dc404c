/**
 * Test support for the function library: an in-memory sheet, A1 references and a `call` that coerces
 * arguments per ArgKind like the engine's invoke base (without element-wise lifting).
 */
import { toBoolean, toNumber, toText } from "@/lib/excel/coerce";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { type Area, ExcelError, isArrayValue, isReference, type ReferenceValue, type Scalar, type Value } from "@/lib/excel/values";

const SHEET = "Sheet1";

function parseCell(a1: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!match) throw new Error(`bad cell ${a1}`);
  const letters = match[1] as string;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** A reference value for "A1" or "A1:C3" (or several areas separated by commas) on the test sheet. */
export function ref(text: string): ReferenceValue {
  const areas: Area[] = text.split(",").map((part) => {
    const [from = "", to = from] = part.split(":");
    const a = parseCell(from);
    const b = parseCell(to);
    return { sheet: SHEET, top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { kind: "reference", areas };
}

export interface FakeContext extends EvalContext {
  readonly cells: Map<string, Scalar>;
  readonly formulas: Map<string, string>;
}

export function fakeContext(cells: Record<string, Scalar> = {}, formulas: Record<string, string> = {}): FakeContext {
  const map = new Map<string, Scalar>();
  for (const [key, value] of Object.entries(cells)) {
    const { row, col } = parseCell(key);
    map.set(`${row},${col}`, value);
  }
  const formulaMap = new Map<string, string>();
  for (const [key, value] of Object.entries(formulas)) {
    const { row, col } = parseCell(key);
    formulaMap.set(`${row},${col}`, value);
  }
  return {
    cells: map,
    formulas: formulaMap,
    origin: { sheet: SHEET, row: 99, col: 25 },
    readAreaValues(area) {
      const rows: Scalar[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: Scalar[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(map.get(`${r},${c}`) ?? null);
        rows.push(row);
      }
      return rows;
    },
    parseReference: (text) => ref(text),
    sheetBounds: () => ({ rows: 100, cols: 26 }),
    sheetNames: [SHEET, "Sheet2"],
    formulaAt: (_sheet, row, col) => formulaMap.get(`${row},${col}`),
    now: () => new Date(Date.UTC(2024, 0, 15, 12)),
    random: () => 0.25,
  };
}

function scalarOf(ctx: EvalContext, value: Value): Scalar {
  if (isReference(value)) {
    const area = value.areas[0] as Area;
    return ctx.readAreaValues(area)[0]?.[0] ?? null;
  }
  if (isArrayValue(value)) return value.rows[0]?.[0] ?? null;
  return value as Scalar;
}

function rangeOf(ctx: EvalContext, value: Value): RangeArg {
  if (isReference(value)) return { rows: ctx.readAreaValues(value.areas[0] as Area), areas: value.areas };
  if (isArrayValue(value)) return { rows: value.rows };
  return { rows: [[value as Scalar]] };
}

/** Calls a spec like the invoke base would, with raw argument values. */
export function callSpec(ctx: EvalContext, spec: FunctionSpec, args: Value[]): Value {
  if (args.length < spec.minArgs || args.length > spec.maxArgs) throw new Error(`${spec.name}: arity`);
  const coerced: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const kind = spec.args[Math.min(i, spec.args.length - 1)];
    const arg = args[i] as Value;
    if (kind === "lazy") coerced.push(() => arg);
    else if (kind === "any") coerced.push(arg);
    else if (kind === "range") coerced.push(rangeOf(ctx, arg));
    else if (kind === "reference") coerced.push(isReference(arg) ? { areas: arg.areas } : arg);
    else {
      const s = scalarOf(ctx, arg);
      if (kind === "scalar") {
        coerced.push(s);
        continue;
      }
      if (s instanceof ExcelError) return s;
      const c = kind === "number" ? toNumber(s) : kind === "string" ? toText(s) : toBoolean(s);
      if (c instanceof ExcelError) return c;
      coerced.push(c);
    }
  }
  return (spec.impl as (ctx: EvalContext, ...rest: unknown[]) => Value)(ctx, ...coerced);
}

/** Looks a spec up by name in a list and returns a caller bound to a context. */
export function bindSpecs(specs: readonly FunctionSpec[], ctx: EvalContext = fakeContext()) {
  return (name: string, ...args: Value[]): Value => {
    const spec = specs.find((s) => s.name === name);
    if (!spec) throw new Error(`no spec ${name}`);
    return callSpec(ctx, spec, args);
  };
}
