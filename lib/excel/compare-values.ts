/**
 * How a recomputed value is compared with the value Excel cached in the file: numbers within 1e-9 relative,
 * text and booleans exactly, errors by code; and which cells cannot be compared. Shared by the fidelity report
 * and the fidelity benchmark.
 */
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import { ExcelError, type Scalar } from "@/lib/excel/values";
import type { Workbook } from "@/lib/excel/workbook/model";

export function sameValue(computed: Scalar, cached: Scalar): boolean {
  if (typeof cached === "number" && typeof computed === "number") {
    if (computed === cached) return true;
    const diff = Math.abs(computed - cached);
    return diff <= 1e-9 * Math.max(Math.abs(computed), Math.abs(cached)) || diff < 1e-14;
  }
  if (cached instanceof ExcelError || computed instanceof ExcelError) {
    return cached instanceof ExcelError && computed instanceof ExcelError && cached.code === computed.code;
  }
  if (cached === null) return computed === null || computed === 0 || computed === "";
  return computed === cached;
}

const FUNCTION_NAME = /(?:_xlfn\.|_xlws\.)*([A-Z][A-Z0-9.]*)\s*\(/gi;

/** Upper-case names of the functions a formula calls (string literals ignored). */
export function functionNames(formula: string): string[] {
  const names = new Set<string>();
  for (const match of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(FUNCTION_NAME)) names.add((match[1] ?? "").toUpperCase());
  return [...names];
}

const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY", "OFFSET", "INDIRECT", "CELL", "INFO"]);

/** Formulas whose cached value cannot be reproduced: volatile functions change on every calculation. */
export function usesVolatile(formula: string): boolean {
  return functionNames(formula).some((name) => VOLATILE.has(name));
}

/** Formulas that read other files (`[1]Sheet!A1`), whose values we do not have. */
export function usesExternalLink(formula: string): boolean {
  return /\[\d+\]/.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

const CUBE = new Set(["CUBEKPIMEMBER", "CUBEMEMBER", "CUBEMEMBERPROPERTY", "CUBERANKEDMEMBER", "CUBESET", "CUBESETCOUNT", "CUBEVALUE"]);

/** Formulas that query an OLAP cube or the workbook's Data Model through a connection (CUBE*): external data. */
export function usesExternalData(formula: string): boolean {
  return functionNames(formula).some((name) => CUBE.has(name));
}

export type SkipReason = "no cached value" | "external link" | "external data (CUBE*)" | "VBA function" | "volatile";

/** The workbook's VBA functions that are not built-in functions (a built-in of the same name wins in Excel). */
export function userDefinedFunctions(workbook: Pick<Workbook, "vbaFunctions">): Set<string> {
  return new Set((workbook.vbaFunctions ?? []).filter((name) => !FUNCTIONS.has(name)));
}

/** Formulas calling one of the workbook's VBA user-defined functions (upper-case names): macro code computes them. */
export function usesVbaFunction(formula: string, vbaFunctions: ReadonlySet<string>): boolean {
  return vbaFunctions.size > 0 && functionNames(formula).some((name) => vbaFunctions.has(name));
}

/**
 * Why a formula cell's cached value cannot be compared with a recomputed one, if it cannot. `vbaFunctions`
 * are the workbook's user-defined functions that are not built-in ones (Excel prefers a built-in).
 */
export function skipReason(formula: string, hasCachedValue: boolean, vbaFunctions: ReadonlySet<string> = new Set()): SkipReason | undefined {
  if (!hasCachedValue) return "no cached value";
  if (usesExternalLink(formula)) return "external link";
  if (usesExternalData(formula)) return "external data (CUBE*)";
  if (usesVbaFunction(formula, vbaFunctions)) return "VBA function";
  if (usesVolatile(formula)) return "volatile";
  return undefined;
}
