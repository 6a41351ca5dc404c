import type { Area, Scalar, Value } from "@/lib/excel/values";

/**
 * How an argument reaches a function's implementation. The shared base (functions/invoke.ts) evaluates,
 * checks and coerces arguments according to these kinds, so a single function is a few lines.
 *
 * - number | string | boolean: a scalar coerced by Excel's rules (errors propagate before the call).
 *   When an array or multi-cell reference arrives in such a position the call is lifted element-wise
 *   (dynamic-array broadcasting), unless the spec sets `noLift`.
 * - scalar: any scalar, uncoerced (blank stays null, errors are passed through, not propagated).
 * - range: a reference or an array, passed as `RangeArg` (values plus, for references, the areas).
 * - reference: must be a reference (else #VALUE!), passed as `ReferenceArg`.
 * - any: the raw evaluated Value, untouched.
 * - lazy: an unevaluated thunk `() => Value` (IF, IFS, CHOOSE, LET, IFERROR, SWITCH, AND/OR short-circuit...).
 */
export type ArgKind = "number" | "string" | "boolean" | "scalar" | "range" | "reference" | "any" | "lazy";

export interface RangeArg {
  /** Row-major values; a blank cell is null. */
  readonly rows: Scalar[][];
  /** Set when the argument was a reference (not an array constant or computed array). */
  readonly areas?: readonly Area[];
}

export interface ReferenceArg {
  readonly areas: readonly Area[];
}

export type Thunk = () => Value;

export interface CellAddress {
  readonly sheet: string;
  /** 0-based */
  readonly row: number;
  /** 0-based */
  readonly col: number;
}

/** What a function may ask of the engine while it runs. */
export interface EvalContext {
  /** The cell whose formula is being evaluated. */
  readonly origin: CellAddress;
  /** Values of an area (evaluating formula cells on demand); blank cells are null. */
  readAreaValues(area: Area): Scalar[][];
  /** Parse a reference written as text (INDIRECT); `a1` false means R1C1. */
  parseReference(text: string, a1: boolean): Value;
  /** Dimensions of a sheet's used range, for whole-column/row references. */
  sheetBounds(sheet: string): { rows: number; cols: number } | undefined;
  /** Sheet names in workbook order (SHEET, SHEETS). */
  readonly sheetNames: readonly string[];
  /** Is the given cell a formula cell (ISFORMULA, FORMULATEXT)? Returns its text or undefined. */
  formulaAt(sheet: string, row: number, col: number): string | undefined;
  /** Is the row hidden (SUBTOTAL and AGGREGATE can skip hidden rows)? */
  isRowHidden?(sheet: string, row: number): boolean;
  /** Current time, injectable for tests (NOW, TODAY). */
  now(): Date;
  /** Random source, injectable for tests (RAND, RANDBETWEEN, RANDARRAY). */
  random(): number;
}

export interface FunctionSpec {
  /** Upper-case Excel name without `_xlfn.`/`_xlws.` prefixes, e.g. "XLOOKUP". */
  readonly name: string;
  readonly minArgs: number;
  /** Use Infinity for variadic functions. */
  readonly maxArgs: number;
  /** Kind of each argument; when there are more arguments than kinds, the last kind repeats. */
  readonly args: readonly ArgKind[];
  /** Volatile functions are recalculated on every recalculation (NOW, RAND, OFFSET, INDIRECT...). */
  readonly volatile?: boolean;
  /** Do not lift scalar-kind arguments element-wise over arrays. */
  readonly noLift?: boolean;
  /** The implementation; receives already coerced arguments per `args`. */
  readonly impl: (ctx: EvalContext, ...args: never[]) => Value;
}
