/** Comparison of a recomputed value with the value cached in the file, as the benchmark counts matches. */
import { ExcelError, type Scalar } from "@/lib/excel/values";

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

export function functionNames(formula: string): string[] {
  const names = new Set<string>();
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(FUNCTION_NAME)) names.add((m[1] ?? "").toUpperCase());
  return [...names];
}

const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY", "OFFSET", "INDIRECT", "CELL", "INFO"]);

export function usesVolatile(formula: string): boolean {
  return functionNames(formula).some((n) => VOLATILE.has(n));
}

export function usesExternalLink(formula: string): boolean {
  return /\[\d+\]/.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
