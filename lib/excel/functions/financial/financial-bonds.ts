/** Coupon bonds: PRICE, YIELD, DURATION, MDURATION, ACCRINTM. */
import { yearFrac } from "@/lib/excel/functions/date/date-diff-functions";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { accruedDays, couponPeriod, daysToNext, periodDays, type CouponPeriod } from "@/lib/excel/functions/financial/financial-coupons";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

function bondPrice(p: CouponPeriod, rate: number, yld: number, redemption: number): number {
  const f = p.frequency;
  const e = periodDays(p);
  // PRICE counts the days to the next coupon as E - A under every basis (unlike COUPDAYSNC).
  const a = accruedDays(p) / e;
  const dsc = 1 - a;
  const coupon = (100 * rate) / f;
  if (p.count === 1) return (coupon + redemption) / (1 + (yld / f) * dsc) - coupon * a;
  let price = redemption / (1 + yld / f) ** (p.count - 1 + dsc);
  for (let k = 1; k <= p.count; k++) price += coupon / (1 + yld / f) ** (k - 1 + dsc);
  return price - coupon * a;
}

function price(_ctx: EvalContext, s: number, m: number, rate: number, yld: number, redemption: number, frequency: number, basis?: number): Value {
  const p = couponPeriod(s, m, frequency, basis ?? 0);
  if (p instanceof ExcelError) return p;
  if (rate < 0 || yld < 0 || redemption <= 0) return Errors.NUM;
  return bondPrice(p, rate, yld, redemption);
}

function yieldFn(_ctx: EvalContext, s: number, m: number, rate: number, pr: number, redemption: number, frequency: number, basis?: number): Value {
  const p = couponPeriod(s, m, frequency, basis ?? 0);
  if (p instanceof ExcelError) return p;
  if (rate < 0 || pr <= 0 || redemption <= 0) return Errors.NUM;
  const f = p.frequency;
  if (p.count === 1) {
    const e = periodDays(p);
    const a = accruedDays(p);
    const dsr = e - a;
    const paid = pr / 100 + ((a / e) * rate) / f;
    return ((redemption / 100 + rate / f - paid) / paid) * ((f * e) / dsr);
  }
  let y = 0.1;
  for (let i = 0; i < 100; i++) {
    const value = bondPrice(p, rate, y, redemption) - pr;
    const h = 1e-7;
    const slope = (bondPrice(p, rate, y + h, redemption) - bondPrice(p, rate, y - h, redemption)) / (2 * h);
    if (!Number.isFinite(slope) || slope === 0) return Errors.NUM;
    const next = y - value / slope;
    if (Math.abs(next - y) < 1e-12) return next;
    y = next;
  }
  return Errors.NUM;
}

function macaulay(p: CouponPeriod, coupon: number, yld: number): number {
  const f = p.frequency;
  const n = p.count;
  const cash = (coupon * 100) / f;
  const growth = 1 + yld / f;
  const diff = daysToNext(p) / periodDays(p) - 1;
  let weighted = 0;
  let total = 0;
  for (let t = 1; t <= n; t++) {
    const flow = t === n ? cash + 100 : cash;
    const discounted = flow / growth ** (t + diff);
    weighted += (t + diff) * discounted;
    total += discounted;
  }
  return weighted / total / f;
}

function duration(modified: boolean) {
  return (_ctx: EvalContext, s: number, m: number, coupon: number, yld: number, frequency: number, basis?: number): Value => {
    const p = couponPeriod(s, m, frequency, basis ?? 0);
    if (p instanceof ExcelError) return p;
    if (coupon < 0 || yld < 0) return Errors.NUM;
    const d = macaulay(p, coupon, yld);
    return modified ? d / (1 + yld / p.frequency) : d;
  };
}

function accrintm(_ctx: EvalContext, issue: number, settlement: number, rate: number, par?: number, basis?: number): Value {
  const i = dateArg(issue);
  const s = dateArg(settlement);
  if (i instanceof ExcelError) return i;
  if (s instanceof ExcelError) return s;
  const b = Math.trunc(basis ?? 0);
  const amount = par ?? 1000;
  if (rate <= 0 || amount <= 0 || b < 0 || b > 4 || i >= s) return Errors.NUM;
  return amount * rate * yearFrac(i, s, b);
}

export const bondFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "PRICE", minArgs: 6, maxArgs: 7, args: ["number"], impl: price },
  { name: "YIELD", minArgs: 6, maxArgs: 7, args: ["number"], impl: yieldFn },
  { name: "DURATION", minArgs: 5, maxArgs: 6, args: ["number"], impl: duration(false) },
  { name: "MDURATION", minArgs: 5, maxArgs: 6, args: ["number"], impl: duration(true) },
  { name: "ACCRINTM", minArgs: 3, maxArgs: 5, args: ["number"], impl: accrintm },
]);
