import { describe, it, expect } from "vitest";
import { dateToSerial as d } from "@/lib/excel/dates";
import { accrintFunctions } from "@/lib/excel/functions/financial/financial-accrint";
import { bondFunctions } from "@/lib/excel/functions/financial/financial-bonds";
import { couponFunctions } from "@/lib/excel/functions/financial/financial-coupons";
import { discountFunctions } from "@/lib/excel/functions/financial/financial-discount";
import { callSpec } from "@/test/excel/spec-harness";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...couponFunctions, ...bondFunctions, ...accrintFunctions, ...discountFunctions];
const call = (name: string, ...args: (Value | undefined)[]) => callSpec(specs, name, args);
const num = (name: string, ...args: (Value | undefined)[]) => call(name, ...args) as number;

describe("coupon schedule", () => {
  const s = d(2011, 1, 25);
  const m = d(2011, 11, 15);
  it("matches Excel's documented examples", () => {
    expect(call("COUPDAYBS", s, m, 2, 1)).toBe(71);
    expect(call("COUPDAYS", s, m, 2, 1)).toBe(181);
    expect(call("COUPDAYSNC", s, m, 2, 1)).toBe(110);
    expect(call("COUPNCD", s, m, 2, 1)).toBe(40678);
    expect(call("COUPPCD", s, m, 2, 1)).toBe(40497);
    expect(call("COUPNUM", d(2007, 1, 25), d(2008, 11, 15), 2, 1)).toBe(4);
    expect(call("COUPDAYS", s, m, 2, 0)).toBe(180);
    expect(call("COUPDAYS", s, m, 4, 3)).toBe(91.25);
  });
  it("keeps month-end coupons at month ends and validates arguments", () => {
    expect(call("COUPPCD", d(2011, 3, 15), d(2011, 8, 31), 2)).toBe(d(2011, 2, 28));
    expect(call("COUPNCD", d(2011, 3, 15), d(2011, 8, 31), 2)).toBe(d(2011, 8, 31));
    expect(call("COUPNUM", m, s, 2)).toBe(Errors.NUM);
    expect(call("COUPNUM", s, m, 3)).toBe(Errors.NUM);
    expect(call("COUPNUM", s, m, 2, 5)).toBe(Errors.NUM);
  });
});

describe("bonds", () => {
  it("prices and yields coupon bonds", () => {
    expect(num("PRICE", d(2008, 2, 15), d(2017, 11, 15), 0.0575, 0.065, 100, 2, 0)).toBeCloseTo(94.63436, 5);
    expect(num("YIELD", d(2008, 2, 15), d(2016, 11, 15), 0.0575, 95.04287, 100, 2, 0)).toBeCloseTo(0.065, 6);
    const oneCoupon = num("PRICE", d(2008, 2, 15), d(2008, 5, 15), 0.06, 0.05, 100, 2, 0);
    expect(num("YIELD", d(2008, 2, 15), d(2008, 5, 15), 0.06, oneCoupon, 100, 2, 0)).toBeCloseTo(0.05, 10);
    expect(call("PRICE", d(2008, 2, 15), d(2017, 11, 15), -0.01, 0.065, 100, 2, 0)).toBe(Errors.NUM);
  });
  it("computes durations", () => {
    expect(num("DURATION", d(2018, 7, 1), d(2048, 1, 1), 0.08, 0.09, 2, 1)).toBeCloseTo(10.9191453, 6);
    expect(num("MDURATION", d(2008, 1, 1), d(2016, 1, 1), 0.08, 0.09, 2, 1)).toBeCloseTo(5.73567, 5);
  });
  it("accrues interest", () => {
    expect(num("ACCRINT", d(2008, 3, 1), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 2, 0)).toBeCloseTo(16.666667, 6);
    expect(num("ACCRINT", d(2008, 3, 5), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 2, 0, false)).toBeCloseTo(15.555556, 6);
    expect(num("ACCRINT", d(2008, 4, 5), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 2, 0, true)).toBeCloseTo(7.2222222, 6);
    expect(num("ACCRINT", d(2007, 3, 1), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 2, 0, false)).toBeCloseTo(66.944444, 6);
    expect(call("ACCRINT", d(2008, 5, 1), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 2)).toBe(Errors.NUM);
    expect(call("ACCRINT", d(2008, 3, 1), d(2008, 8, 31), d(2008, 5, 1), 0.1, 1000, 3)).toBe(Errors.NUM);
    expect(num("ACCRINTM", d(2008, 4, 1), d(2008, 6, 15), 0.1, 1000, 3)).toBeCloseTo(20.54794521, 8);
    expect(call("ACCRINTM", d(2008, 6, 15), d(2008, 4, 1), 0.1)).toBe(Errors.NUM);
  });
});

describe("discounted securities", () => {
  const s = d(2008, 3, 31);
  const m = d(2008, 6, 1);
  it("handles treasury bills", () => {
    expect(num("TBILLPRICE", s, m, 0.09)).toBeCloseTo(98.45, 10);
    expect(num("TBILLYIELD", s, m, 98.45)).toBeCloseTo(0.091417, 6);
    expect(num("TBILLEQ", s, m, 0.0914)).toBeCloseTo(0.094151, 6);
    expect(call("TBILLPRICE", s, d(2009, 6, 1), 0.09)).toBe(Errors.NUM);
    expect(num("TBILLPRICE", d(1940, 1, 30), d(1941, 1, 30), 0.5)).toBeCloseTo(49.16666666666667, 10);
    expect(num("TBILLEQ", d(1940, 1, 30), d(1941, 1, 30), 0.5)).toBeCloseTo(0.8522961312491701, 12);
    expect(num("TBILLEQ", d(1940, 1, 30), d(1941, 1, 29), 0.5)).toBeCloseTo(0.8482759796652481, 12);
    expect(num("TBILLEQ", 45332, 45650, 0.5)).toBeCloseTo(0.7787541318484793, 12);
    expect(call("TBILLEQ", 1000, 1366, 0.5)).toBe(Errors.NUM);
    expect(num("TBILLYIELD", d(1940, 1, 30), d(1941, 1, 30), 3000)).toBeCloseTo(-0.9508196721311475, 12);
    expect(call("TBILLPRICE", m, s, 0.09)).toBe(Errors.NUM);
    expect(call("TBILLYIELD", s, m, 0)).toBe(Errors.NUM);
  });
  it("handles discount and maturity securities", () => {
    expect(num("INTRATE", d(2008, 2, 15), d(2008, 5, 15), 1000000, 1014420, 2)).toBeCloseTo(0.05768, 5);
    expect(num("RECEIVED", d(2008, 2, 15), d(2008, 5, 15), 1000000, 0.0575, 2)).toBeCloseTo(1014584.65, 2);
    expect(num("PRICEDISC", d(2008, 2, 16), d(2008, 3, 1), 0.0525, 100, 2)).toBeCloseTo(99.79583, 5);
    expect(num("YIELDDISC", d(2008, 2, 16), d(2008, 3, 1), 99.795, 100, 2)).toBeCloseTo(0.052823, 6);
    const pr = num("PRICEDISC", d(2018, 7, 1), d(2048, 1, 1), 0.01, 100, 1);
    expect(num("DISC", d(2018, 7, 1), d(2048, 1, 1), pr, 100, 1)).toBeCloseTo(0.01, 12);
    expect(num("PRICEMAT", d(2008, 2, 15), d(2008, 4, 13), d(2007, 11, 11), 0.061, 0.061, 0)).toBeCloseTo(99.98449888, 8);
    expect(num("YIELDMAT", d(2008, 3, 15), d(2008, 11, 3), d(2007, 11, 8), 0.0625, 100.0123, 0)).toBeCloseTo(0.060954334, 8);
    expect(call("DISC", d(2008, 2, 16), d(2008, 3, 1), 0, 100)).toBe(Errors.NUM);
  });
});
