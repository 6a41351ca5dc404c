import { describe, expect, it } from "vitest";
import { IRR_LIMITS, newtonFrom, RATE_LIMITS } from "@/lib/excel/functions/financial/newton-solve";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("Excel's iterative rate solvers", () => {
  it("stop after the documented number of iterations", () => {
    let calls = 0;
    const f = (r: number) => {
      calls++;
      return Math.atan(r - 50);
    };
    expect(newtonFrom(0.1, f, (r) => 1 / (1 + (r - 50) ** 2), IRR_LIMITS)).toBeUndefined();
    expect(calls).toBeLessThanOrEqual(IRR_LIMITS.maxIterations);
  });

  it("converge from the guess when a step is below the tolerance", () => {
    expect(newtonFrom(0.1, (r) => r * r - 0.25, (r) => 2 * r, RATE_LIMITS)).toBeCloseTo(0.5, 12);
    expect(newtonFrom(-0.1, (r) => r * r - 0.25, (r) => 2 * r, RATE_LIMITS)).toBeCloseTo(-0.5, 12);
  });

  it("go halfway to -1 instead of stepping out of the domain", () => {
    // -1 + 0.2/(1+r) = 0: Newton from 0.1 would jump to -4.85; Excel reports -0.8.
    expect(newtonFrom(0.1, (r) => -1 + 0.2 / (1 + r), (r) => -0.2 / (1 + r) ** 2, IRR_LIMITS)).toBeCloseTo(-0.8, 12);
  });
});

describe("IRR, XIRR and RATE through the solver", () => {
  itFormulas([
    ["IRR({-1,0.2})", -0.8, 12],
    ["IRR({-1,0.5})", -0.5, 12],
    ["IRR({-70000,12000,15000},-0.1)", -0.443506941, 8],
    ["IRR({-70000,12000,15000,18000,21000,26000})", 0.086630948, 8],
    ["IRR({1,2,3})", Errors.NUM],
    ["RATE(4*12,-200,8000)", 0.00770147248820165, 12],
    ["RATE(10,-100,10000)", -0.287788013118089, 12],
    ['XIRR({-10000,2750,4250,3250,2750},{39448,39508,39751,39859,39904})', 0.373362535, 8],
  ]);
});
