/**
 * Test support for the function library: table-driven formula checks through the real engine
 * (`evaluateFormula`), with numbers compared to a number of decimal digits when asked.
 */
import { expect, it } from "vitest";
import { evaluateFormula } from "@/test/excel/evaluate-formula";
import type { Scalar } from "@/lib/excel/values";

/** [formula, expected value, optional decimal digits for approximate numbers] */
export type FormulaCase = readonly [string, Scalar | Scalar[][], number?];

export function expectFormula(formula: string, expected: Scalar | Scalar[][], cells: Record<string, unknown> = {}, digits?: number): void {
  const actual = evaluateFormula(formula, cells);
  if (typeof expected === "number" && digits !== undefined) {
    expect(typeof actual, formula).toBe("number");
    expect(actual as number, formula).toBeCloseTo(expected, digits);
  } else {
    expect(actual, formula).toEqual(expected);
  }
}

/** One `it` per case, named by its formula. */
export function itFormulas(cases: readonly FormulaCase[], cells: Record<string, unknown> = {}): void {
  for (const [formula, expected, digits] of cases) {
    it(formula, () => expectFormula(formula, expected, cells, digits));
  }
}
