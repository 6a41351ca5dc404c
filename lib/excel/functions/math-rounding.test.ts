import { describe, expect, it } from "vitest";
import { bindSpecs } from "@/lib/excel/functions/fake-eval-context";
import { mathRoundingFunctions } from "@/lib/excel/functions/math-rounding";
import { Errors } from "@/lib/excel/values";

const call = bindSpecs(mathRoundingFunctions);

describe("ROUND family", () => {
  it("rounds the decimal representation half away from zero", () => {
    expect(call("ROUND", 2.675, 2)).toBe(2.68);
    expect(call("ROUND", 2.15, 1)).toBe(2.2);
    expect(call("ROUND", -1.475, 2)).toBe(-1.48);
    expect(call("ROUND", 21.5, -1)).toBe(20);
    expect(call("ROUND", 626.3, -3)).toBe(1000);
    expect(call("ROUND", 1.98, -1)).toBe(0);
    expect(call("ROUND", -50.55, -2)).toBe(-100);
    expect(call("ROUND", 0.285, 2)).toBe(0.29);
    expect(call("ROUND", 1.005, 2)).toBe(1.01);
  });

  it("ROUNDUP/ROUNDDOWN/TRUNC", () => {
    expect(call("ROUNDUP", 3.2, 0)).toBe(4);
    expect(call("ROUNDUP", -3.14159, 1)).toBe(-3.2);
    expect(call("ROUNDUP", 31415.92654, -2)).toBe(31500);
    expect(call("ROUNDUP", 0.1 + 0.2, 1)).toBe(0.3);
    expect(call("ROUNDDOWN", 3.14159, 3)).toBe(3.141);
    expect(call("ROUNDDOWN", -3.14159, 1)).toBe(-3.1);
    expect(call("TRUNC", 8.9)).toBe(8);
    expect(call("TRUNC", -8.9)).toBe(-8);
    expect(call("TRUNC", 3.14159, 2)).toBe(3.14);
  });

  it("MROUND", () => {
    expect(call("MROUND", 10, 3)).toBe(9);
    expect(call("MROUND", -10, -3)).toBe(-9);
    expect(call("MROUND", 1.3, 0.2)).toBe(1.4);
    expect(call("MROUND", 5, -2)).toBe(Errors.NUM);
    expect(call("MROUND", 5, 0)).toBe(0);
  });

  it("CEILING and FLOOR", () => {
    expect(call("CEILING", 2.5, 1)).toBe(3);
    expect(call("CEILING", -2.5, -2)).toBe(-4);
    expect(call("CEILING", -2.5, 2)).toBe(-2);
    expect(call("CEILING", 1.5, 0.1)).toBe(1.5);
    expect(call("CEILING", 0.234, 0.01)).toBe(0.24);
    expect(call("CEILING", 1.5, -1)).toBe(Errors.NUM);
    expect(call("FLOOR", 3.7, 2)).toBe(2);
    expect(call("FLOOR", -2.5, -2)).toBe(-2);
    expect(call("FLOOR", -2.5, 2)).toBe(-4);
    expect(call("FLOOR", 2.5, -2)).toBe(Errors.NUM);
    expect(call("FLOOR", 1.58, 0.1)).toBe(1.5);
    expect(call("FLOOR", 3, 0)).toBe(Errors.DIV0);
  });

  it("CEILING.MATH, FLOOR.MATH, PRECISE", () => {
    expect(call("CEILING.MATH", 24.3, 5)).toBe(25);
    expect(call("CEILING.MATH", 6.7)).toBe(7);
    expect(call("CEILING.MATH", -8.1, 2)).toBe(-8);
    expect(call("CEILING.MATH", -5.5, 2, -1)).toBe(-6);
    expect(call("FLOOR.MATH", 24.3, 5)).toBe(20);
    expect(call("FLOOR.MATH", 6.7)).toBe(6);
    expect(call("FLOOR.MATH", -8.1, 2)).toBe(-10);
    expect(call("FLOOR.MATH", -5.5, 2, -1)).toBe(-4);
    expect(call("CEILING.PRECISE", -4.3)).toBe(-4);
    expect(call("CEILING.PRECISE", 4.3, -2)).toBe(6);
    expect(call("ISO.CEILING", -4.3, 2)).toBe(-4);
    expect(call("FLOOR.PRECISE", -3.2, -1)).toBe(-4);
    expect(call("FLOOR.PRECISE", 3.2, 0)).toBe(0);
  });

  it("EVEN and ODD", () => {
    expect(call("EVEN", 1.5)).toBe(2);
    expect(call("EVEN", 3)).toBe(4);
    expect(call("EVEN", 2)).toBe(2);
    expect(call("EVEN", -1)).toBe(-2);
    expect(call("ODD", 1.5)).toBe(3);
    expect(call("ODD", 3)).toBe(3);
    expect(call("ODD", 2)).toBe(3);
    expect(call("ODD", -1)).toBe(-1);
    expect(call("ODD", -2)).toBe(-3);
    expect(call("ODD", 0)).toBe(1);
    expect(call("ECMA.CEILING", 4.1, 1)).toBe(5);
  });
});
