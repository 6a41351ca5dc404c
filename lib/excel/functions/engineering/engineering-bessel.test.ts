import { describe, expect, it } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { evaluateFormula } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";

describe("Bessel functions (Microsoft's examples)", () => {
  itFormulas([
    ["BESSELI(1.5,1)", 0.981666428, 8],
    ["BESSELJ(1.9,2)", 0.329925829, 8],
    ["BESSELK(1.5,1)", 0.277387804, 8],
    ["BESSELY(2.5,1)", 0.145918138, 8],
  ]);
});

describe("Bessel functions: orders, signs and large arguments", () => {
  itFormulas([
    ["BESSELI(0,0)", 1],
    ["BESSELI(0,3)", 0],
    ["BESSELJ(0,2)", 0],
    ["BESSELJ(2.5,1.9)", evaluateFormula("BESSELJ(2.5,1)") as number],
    ["BESSELJ(1,-0.5)", evaluateFormula("BESSELJ(1,0)") as number],
    ["BESSELI(-2,3)", -(evaluateFormula("BESSELI(2,3)") as number)],
    ["BESSELJ(-3,2)", evaluateFormula("BESSELJ(3,2)") as number],
    ["BESSELJ(10,0)", -0.245935765, 8],
    ["BESSELJ(20,3)", -0.098901394, 7],
    ["BESSELY(10,2)", -0.005868082, 7],
    ["BESSELK(3,4)", 0.305851210, 7],
    ["BESSELI(5,10)", 0.004580044419, 9],
  ]);
});

describe("Bessel functions reproduce Excel's approximations, not exact values", () => {
  it("BESSELI(1,0) is the Abramowitz & Stegun polynomial Excel uses (exact I0(1) is 1.2660658777520082)", () => {
    expect(evaluateFormula("BESSELI(1,0)")).toBe(1.2660658480342601);
    expect(evaluateFormula("BESSELI(1,1)")).toBe(0.5651590975819435);
    expect(evaluateFormula("BESSELI(0.2,7)")).toBe(1.9866085100212153e-11);
    expect(evaluateFormula("BESSELJ(0,0)")).toBe(1.00000000283141);
  });
});

describe("Bessel function errors", () => {
  itFormulas([
    ["BESSELI(1,-1)", Errors.NUM],
    ["BESSELJ(1,-1)", Errors.NUM],
    ["BESSELK(0,1)", Errors.NUM],
    ["BESSELK(-1,1)", Errors.NUM],
    ["BESSELY(0,1)", Errors.NUM],
    ["BESSELY(-2,0)", Errors.NUM],
    ['BESSELJ("x",1)', Errors.VALUE],
    ["BESSELI(TRUE,1)", Errors.VALUE],
    ["BESSELK(1,1/0)", Errors.DIV0],
  ]);
});
