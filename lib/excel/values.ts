/**
 * The value model shared by every part of the spreadsheet engine (parser, evaluator, functions,
 * generated apps). Isomorphic: no Node-only imports anywhere under lib/excel.
 */

export const ERROR_CODES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ExcelError {
  private static readonly interned = new Map<ErrorCode, ExcelError>();

  private constructor(readonly code: ErrorCode) {}

  static of(code: ErrorCode): ExcelError {
    let error = ExcelError.interned.get(code);
    if (!error) {
      error = new ExcelError(code);
      ExcelError.interned.set(code, error);
    }
    return error;
  }

  toString(): string {
    return this.code;
  }
}

export const Errors = {
  NULL: ExcelError.of("#NULL!"),
  DIV0: ExcelError.of("#DIV/0!"),
  VALUE: ExcelError.of("#VALUE!"),
  REF: ExcelError.of("#REF!"),
  NAME: ExcelError.of("#NAME?"),
  NUM: ExcelError.of("#NUM!"),
  NA: ExcelError.of("#N/A"),
  SPILL: ExcelError.of("#SPILL!"),
  CALC: ExcelError.of("#CALC!"),
} as const;

export function isErrorCode(text: string): text is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(text);
}

/** A single cell's value. `null` is a blank cell (distinct from the empty string ""). */
export type Scalar = number | string | boolean | null | ExcelError;

/** A rectangular array value (array constants, results of array functions); row-major. */
export interface ArrayValue {
  readonly kind: "array";
  readonly rows: Scalar[][];
}

/** A rectangular area of one sheet; 0-based inclusive bounds. */
export interface Area {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A reference as a value (what A1:B2, OFFSET(...), INDEX(...) or a union yield before dereferencing). */
export interface ReferenceValue {
  readonly kind: "reference";
  readonly areas: readonly Area[];
}

/** A LAMBDA value (LET/LAMBDA/MAP/REDUCE...). */
export interface LambdaValue {
  readonly kind: "lambda";
  readonly params: readonly string[];
  /** The argument counts a built-in named as a value accepts; a LAMBDA takes exactly its params. */
  readonly arity?: readonly [min: number, max: number];
  /** `undefined` is an argument left empty in the call (`f(1,)`), which ISOMITTED reports as omitted. */
  readonly call: (args: (Value | undefined)[]) => Value;
}

export type Value = Scalar | ArrayValue | ReferenceValue | LambdaValue;

export function isError(value: unknown): value is ExcelError {
  return value instanceof ExcelError;
}

export function isArrayValue(value: Value): value is ArrayValue {
  return typeof value === "object" && value !== null && !(value instanceof ExcelError) && value.kind === "array";
}

export function isReference(value: Value): value is ReferenceValue {
  return typeof value === "object" && value !== null && !(value instanceof ExcelError) && value.kind === "reference";
}

export function isLambda(value: Value): value is LambdaValue {
  return typeof value === "object" && value !== null && !(value instanceof ExcelError) && value.kind === "lambda";
}

export function arrayOf(rows: Scalar[][]): ArrayValue {
  return { kind: "array", rows };
}

/** The JSON shape used by `excel eval`, the fidelity report and generated apps' `compute()`. */
export type JsonCellValue = number | string | boolean | null | { error: ErrorCode };

export function toJsonValue(value: Scalar): JsonCellValue {
  return value instanceof ExcelError ? { error: value.code } : value;
}
