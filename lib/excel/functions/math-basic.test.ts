import { describe, expect, it } from "vitest";
import { bindSpecs, fakeContext, ref } from "@/lib/excel/functions/fake-eval-context";
import { mathBasicFunctions } from "@/lib/excel/functions/math-basic";
import { arrayOf, Errors } from "@/lib/excel/values";

const ctx = fakeContext({ A1: 1, A2: "2", A3: true, A4: 4, A5: null, B1: Errors.NA, C1: 12, C2: 18, C3: "x" });
const call = bindSpecs(mathBasicFunctions, ctx);

describe("SUM, PRODUCT, SUMSQ", () => {
  it("skips text and booleans in references but coerces direct arguments", () => {
    expect(call("SUM", ref("A1:A5"))).toBe(5);
    expect(call("SUM", "2", true, 3)).toBe(6);
    expect(call("SUM", arrayOf([[1, "2", true]]))).toBe(1);
    expect(call("SUM", "abc")).toBe(Errors.VALUE);
    expect(call("SUM", ref("A1:B1"))).toBe(Errors.NA);
  });

  it("PRODUCT of nothing is 0", () => {
    expect(call("PRODUCT", ref("A5"))).toBe(0);
    expect(call("PRODUCT", ref("A1:A4"), 2)).toBe(8);
    expect(call("SUMSQ", 3, 4)).toBe(25);
  });
});

describe("elementary functions", () => {
  it("computes with Excel's domain errors", () => {
    expect(call("SQRT", -1)).toBe(Errors.NUM);
    expect(call("SQRT", 16)).toBe(4);
    expect(call("LN", 0)).toBe(Errors.NUM);
    expect(call("LOG", 8, 2)).toBeCloseTo(3, 14);
    expect(call("LOG", 100)).toBe(2);
    expect(call("LOG", 10, 1)).toBe(Errors.DIV0);
    expect(call("LOG10", 1000)).toBe(3);
    expect(call("EXP", 1000)).toBe(Errors.NUM);
    expect(call("ABS", -3)).toBe(3);
    expect(call("SIGN", -0.5)).toBe(-1);
    expect(call("SIGN", 0)).toBe(0);
    expect(call("PI")).toBe(Math.PI);
    expect(call("SQRTPI", 1)).toBeCloseTo(1.772453851, 9);
  });

  it("POWER", () => {
    expect(call("POWER", 5, 2)).toBe(25);
    expect(call("POWER", 0, 0)).toBe(Errors.NUM);
    expect(call("POWER", 0, -1)).toBe(Errors.DIV0);
    expect(call("POWER", -8, 0.5)).toBe(Errors.NUM);
    expect(call("POWER", 4, 0.5)).toBe(2);
  });

  it("MOD follows the divisor's sign", () => {
    expect(call("MOD", 3, 2)).toBe(1);
    expect(call("MOD", -3, 2)).toBe(1);
    expect(call("MOD", 3, -2)).toBe(-1);
    expect(call("MOD", -1, 3)).toBe(2);
    expect(call("MOD", 1, 0)).toBe(Errors.DIV0);
    expect(call("QUOTIENT", -10, 3)).toBe(-3);
    expect(call("QUOTIENT", 1, 0)).toBe(Errors.DIV0);
    expect(call("INT", -0.5)).toBe(-1);
    expect(call("INT", 8.9)).toBe(8);
  });
});

describe("combinatorics", () => {
  it("FACT, FACTDOUBLE, COMBIN(A), PERMUT(ATIONA), MULTINOMIAL", () => {
    expect(call("FACT", 5)).toBe(120);
    expect(call("FACT", 1.9)).toBe(1);
    expect(call("FACT", -1)).toBe(Errors.NUM);
    expect(call("FACT", 171)).toBe(Errors.NUM);
    expect(call("FACTDOUBLE", 7)).toBe(105);
    expect(call("FACTDOUBLE", 6)).toBe(48);
    expect(call("COMBIN", 8, 2)).toBe(28);
    expect(call("COMBIN", 2, 3)).toBe(Errors.NUM);
    expect(call("COMBINA", 4, 3)).toBe(20);
    expect(call("COMBINA", 10, 3)).toBe(220);
    expect(call("PERMUT", 100, 3)).toBe(970200);
    expect(call("PERMUTATIONA", 3, 2)).toBe(9);
    expect(call("MULTINOMIAL", 2, 3, 4)).toBe(1260);
    expect(call("MULTINOMIAL", -1)).toBe(Errors.NUM);
  });

  it("GCD and LCM", () => {
    expect(call("GCD", 5, 2)).toBe(1);
    expect(call("GCD", 24, 36)).toBe(12);
    expect(call("GCD", ref("C1:C2"))).toBe(6);
    expect(call("GCD", ref("C1:C3"))).toBe(Errors.VALUE);
    expect(call("GCD", -1)).toBe(Errors.NUM);
    expect(call("LCM", 24, 36)).toBe(72);
    expect(call("LCM", 1.5, 3)).toBe(3);
    expect(call("LCM", 0, 3)).toBe(0);
  });
});

describe("SERIESSUM, RAND, RANDBETWEEN", () => {
  it("works", () => {
    expect(call("SERIESSUM", 2, 0, 1, arrayOf([[1, 2, 3]]))).toBe(1 + 4 + 12);
    expect(call("SERIESSUM", 2, 0, 1, arrayOf([[1, "a"]]))).toBe(Errors.VALUE);
    expect(call("RAND")).toBe(0.25);
    expect(call("RANDBETWEEN", 1, 4)).toBe(2);
    expect(call("RANDBETWEEN", 5, 1)).toBe(Errors.NUM);
  });
});
