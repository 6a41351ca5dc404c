import { describe, it, expect } from "vitest";
import { dateToSerial } from "@/lib/excel/dates";
import { annuityFunctions } from "@/lib/excel/functions/financial/financial-annuity";
import { cashflowFunctions } from "@/lib/excel/functions/financial/financial-cashflow";
import { depreciationFunctions } from "@/lib/excel/functions/financial/financial-depreciation";
import { arr, callSpec, ref } from "@/test/excel/spec-harness";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...annuityFunctions, ...cashflowFunctions, ...depreciationFunctions];
const cells = { A1: -10000, A2: 3000, A3: "text", A4: 4200, A5: 6800 };
const call = (name: string, ...args: (Value | undefined)[]) => callSpec(specs, name, args, { cells });
const num = (name: string, ...args: (Value | undefined)[]) => call(name, ...args) as number;

describe("annuities", () => {
  it("computes payments", () => {
    expect(num("PMT", 0.08 / 12, 10, 10000)).toBeCloseTo(-1037.03, 2);
    expect(num("PMT", 0.06 / 12, 18 * 12, 0, 50000)).toBeCloseTo(-129.08, 2);
    expect(num("PMT", 0, 10, 1000)).toBe(-100);
    expect(call("PMT", 0.1, 0, 1000)).toBe(Errors.NUM);
    expect(call("PMT", -3, 5, 100, 300, 1)).toBe(Errors.NUM);
    expect(num("PV", -3, 5, 100, 12, 1)).toBeCloseTo(-68.375, 10);
    expect(call("FV", -1, -2, 1)).toBe(Errors.DIV0);
    expect(num("IPMT", 0.1, 3.9, 3, 8000)).toBeCloseTo(-30.51485756246893, 10);
    expect(num("PPMT", 0.1, 3.9, 3, 8000, 10, 1)).toBeCloseTo(-2900.351432640776, 9);
    expect(num("IPMT", 0.1 / 12, 1, 36, 8000)).toBeCloseTo(-66.67, 2);
    expect(num("IPMT", 0.1, 3, 3, 8000)).toBeCloseTo(-292.45, 2);
    expect(num("IPMT", 0.1, 1, 3, 8000, 0, 1)).toBe(0);
    expect(call("IPMT", 0.1, 4, 3, 8000)).toBe(Errors.NUM);
    expect(num("PPMT", 0.1 / 12, 1, 24, 2000)).toBeCloseTo(-75.62, 2);
    expect(num("PPMT", 0.08, 10, 10, 200000)).toBeCloseTo(-27598.05, 2);
  });
  it("accumulates interest and principal", () => {
    expect(num("CUMIPMT", 0.09 / 12, 360, 125000, 13, 24, 0)).toBeCloseTo(-11135.23, 2);
    expect(num("CUMIPMT", 0.09 / 12, 360, 125000, 1, 1, 0)).toBeCloseTo(-937.5, 2);
    expect(num("CUMPRINC", 0.09 / 12, 360, 125000, 13, 24, 0)).toBeCloseTo(-934.1071, 4);
    expect(num("CUMPRINC", 0.09 / 12, 360, 125000, 1, 1, 0)).toBeCloseTo(-68.27827, 5);
    expect(call("CUMIPMT", 0.09 / 12, 360, 125000, 13, 24, 2)).toBe(Errors.NUM);
    expect(call("CUMIPMT", 0.09 / 12, 360, 125000, 0, 24, 0)).toBe(Errors.NUM);
  });
  it("computes present and future values and periods", () => {
    expect(num("PV", 0.08 / 12, 240, 500, null, 0)).toBeCloseTo(-59777.15, 2);
    expect(num("FV", 0.06 / 12, 10, -200, -500, 1)).toBeCloseTo(2581.4, 2);
    expect(num("FV", 0.12 / 12, 12, -1000)).toBeCloseTo(12682.5, 2);
    expect(num("FV", 0, 12, -1000)).toBe(12000);
    expect(num("NPER", 0.01, -100, -1000, 10000, 1)).toBeCloseTo(59.6738657, 6);
    expect(num("NPER", 0.01, -100, -1000, 10000)).toBeCloseTo(60.0821229, 6);
    expect(num("NPER", 0.01, -100, -1000)).toBeCloseTo(-9.57859404, 6);
    expect(call("NPER", 0.01, -5, 1000)).toBe(Errors.NUM);
  });
  it("solves for the rate", () => {
    expect(num("RATE", 48, -200, 8000)).toBeCloseTo(0.00770147, 8);
    expect(num("RATE", 10, -100, 1000, 0)).toBeCloseTo(0, 12);
    const r = num("RATE", 60, -1000, 50000, 0, 1, 0.01);
    expect(num("PV", r, 60, -1000, 0, 1)).toBeCloseTo(50000, 6);
    expect(call("RATE", 10, 100, 1000)).toBe(Errors.NUM);
  });
  it("handles the small helpers", () => {
    expect(num("ISPMT", 0.1 / 12, 1, 36, 8000000)).toBeCloseTo(-64814.81, 2);
    expect(num("ISPMT", 0.1, 1, 3, 8000000)).toBeCloseTo(-533333.33, 2);
    expect(num("PDURATION", 0.025, 2000, 2200)).toBeCloseTo(3.859866163, 8);
    expect(call("PDURATION", 0, 2000, 2200)).toBe(Errors.NUM);
    expect(num("RRI", 96, 10000, 11000)).toBeCloseTo(0.0009933, 7);
    expect(num("EFFECT", 0.0525, 4)).toBeCloseTo(0.053542667, 9);
    expect(num("NOMINAL", 0.053543, 4)).toBeCloseTo(0.05250032, 8);
    expect(call("EFFECT", 0.0525, 0.5)).toBe(Errors.NUM);
    expect(num("DOLLARDE", 1.02, 16)).toBeCloseTo(1.125, 12);
    expect(num("DOLLARDE", 1.1, 32)).toBeCloseTo(1.3125, 12);
    expect(num("DOLLARFR", 1.125, 16)).toBeCloseTo(1.02, 12);
    expect(num("DOLLARFR", 1.125, 32)).toBeCloseTo(1.04, 12);
    expect(call("DOLLARDE", 1.02, 0)).toBe(Errors.DIV0);
    expect(call("DOLLARDE", 1.02, -1)).toBe(Errors.NUM);
  });
});

describe("cash flows", () => {
  it("discounts with NPV, skipping text in references", () => {
    expect(num("NPV", 0.1, -10000, 3000, 4200, 6800)).toBeCloseTo(1188.44, 2);
    expect(num("NPV", 0.1, ref("A1:A5"))).toBeCloseTo(1188.44, 2);
    expect(call("NPV", 0.1, "abc")).toBe(Errors.VALUE);
    expect(call("NPV", -1, 1)).toBe(Errors.DIV0);
  });
  const amounts = arr([[-10000], [2750], [4250], [3250], [2750]]);
  const dates = arr([[dateToSerial(2008, 1, 1)], [dateToSerial(2008, 3, 1)], [dateToSerial(2008, 10, 30)], [dateToSerial(2009, 2, 15)], [dateToSerial(2009, 4, 1)]]);
  it("handles dated flows", () => {
    expect(num("XNPV", 0.09, amounts, dates)).toBeCloseTo(2086.65, 2);
    expect(num("XIRR", amounts, dates)).toBeCloseTo(0.373362535, 8);
    expect(call("XNPV", 0.09, amounts, arr([[1], [2]]))).toBe(Errors.NUM);
    expect(call("XIRR", arr([[1], [2]]), arr([[1], [2]]))).toBe(Errors.NUM);
  });
  it("finds internal rates of return", () => {
    expect(num("IRR", arr([[-70000, 12000, 15000, 18000, 21000]]))).toBeCloseTo(-0.021244848, 8);
    expect(num("IRR", arr([[-70000, 12000, 15000, 18000, 21000, 26000]]))).toBeCloseTo(0.086630948, 8);
    expect(num("IRR", arr([[-70000, 12000, 15000]]), -0.1)).toBeCloseTo(-0.443506941, 8);
    expect(call("IRR", arr([[1, 2, 3]]))).toBe(Errors.NUM);
    expect(num("MIRR", arr([[-120000, 39000, 30000, 21000, 37000, 46000]]), 0.1, 0.12)).toBeCloseTo(0.1261, 4);
    expect(num("MIRR", arr([[-120000, 39000, 30000, 21000]]), 0.1, 0.12)).toBeCloseTo(-0.048, 4);
    expect(call("MIRR", arr([[1, 2]]), 0.1, 0.12)).toBe(Errors.DIV0);
    expect(num("FVSCHEDULE", 1, arr([[0.09, 0.11, 0.1]]))).toBeCloseTo(1.33089, 10);
  });
});

describe("depreciation", () => {
  it("computes straight-line and sum-of-years", () => {
    expect(num("SLN", 30000, 7500, 10)).toBe(2250);
    expect(call("SLN", 30000, 7500, 0)).toBe(Errors.DIV0);
    expect(num("SYD", 300000, 75000, 10, 1)).toBeCloseTo(40909.09, 2);
    expect(num("SYD", 300000, 75000, 10, 10)).toBeCloseTo(4090.91, 2);
    expect(call("SYD", 300000, 75000, 10, 11)).toBe(Errors.NUM);
  });
  it("computes declining balances", () => {
    expect(num("DB", 1000000, 100000, 6, 1, 7)).toBeCloseTo(186083.33, 2);
    expect(num("DB", 1000000, 100000, 6, 2, 7)).toBeCloseTo(259639.42, 2);
    expect(num("DB", 1000000, 100000, 6, 7, 7)).toBeCloseTo(15845.1, 2);
    expect(call("DB", 1000000, 100000, 6, 7)).toBe(Errors.NUM);
    expect(num("DDB", 2400, 300, 3650, 1)).toBeCloseTo(1.32, 2);
    expect(num("DDB", 2400, 300, 120, 1, 2)).toBeCloseTo(40, 10);
    expect(num("DDB", 2400, 300, 10, 1, 2)).toBeCloseTo(480, 10);
    expect(num("DDB", 2400, 300, 10, 2, 1.5)).toBeCloseTo(306, 10);
    expect(num("DDB", 2400, 300, 10, 10)).toBeCloseTo(22.12, 2);
    expect(call("DDB", 2400, 300, 10, 11)).toBe(Errors.NUM);
  });
  it("computes variable declining balances", () => {
    expect(num("VDB", 2400, 300, 3650, 0, 1)).toBeCloseTo(1.32, 2);
    expect(num("VDB", 2400, 300, 120, 0, 1)).toBeCloseTo(40, 10);
    expect(num("VDB", 2400, 300, 10, 0, 1)).toBeCloseTo(480, 10);
    expect(num("VDB", 2400, 300, 120, 6, 18)).toBeCloseTo(396.31, 2);
    expect(num("VDB", 2400, 300, 120, 6, 18, 1.5)).toBeCloseTo(311.81, 2);
    expect(num("VDB", 2400, 300, 10, 0, 0.875, 1.5)).toBeCloseTo(315, 2);
    expect(call("VDB", 2400, 300, 10, 5, 2)).toBe(Errors.NUM);
  });
});
