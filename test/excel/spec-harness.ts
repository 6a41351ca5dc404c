/**
 * Calls a FunctionSpec through the engine's argument base (functions/invoke.ts) against a small in-memory
 * sheet, for unit tests of single functions.
 */
import { buildInvocation } from "@/lib/excel/functions/invoke";
import { parseAreaAddress, splitSheetAddress } from "@/lib/excel/formula/references";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, type Area, type Scalar, type Value } from "@/lib/excel/values";

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

/**
 * Calls `name` from `specs` with already-evaluated argument values through the engine's own argument base
 * (functions/invoke.ts: coercion per ArgKind, error propagation, lifting), so tests exercise it rather
 * than a copy. `undefined` is an omitted argument: trailing ones are left off, inner ones are `F(a,,b)`.
 */
export function callSpec(specs: readonly FunctionSpec[], name: string, args: (Value | undefined)[], options: HarnessOptions = {}): Value {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`no spec ${name}`);
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count--;
  const given = args.slice(0, count);
  if (given.length < spec.minArgs || given.length > spec.maxArgs) throw new Error(`arity ${name}`);
  const ctx = makeContext(options);
  return buildInvocation(ctx, spec, given.map((value) => (value === undefined ? null : () => value)))();
}
