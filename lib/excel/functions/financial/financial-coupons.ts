/** Coupon schedule functions (COUP*) and the shared coupon-period arithmetic used by PRICE/YIELD/DURATION. */
import { dateToSerial, daysInMonth, serialToDate } from "@/lib/excel/dates";
import { days360 } from "@/lib/excel/functions/date/date-diff-functions";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

export interface CouponPeriod {
  readonly settlement: number;
  readonly maturity: number;
  readonly frequency: number;
  readonly basis: number;
  /** Previous and next coupon dates around settlement. */
  readonly pcd: number;
  readonly ncd: number;
  /** Coupons payable between settlement and maturity. */
  readonly count: number;
}

/** The coupon date `k` periods before maturity; end-of-month maturities keep coupons at month ends. */
function couponDate(maturity: number, frequency: number, k: number): number {
  const m = serialToDate(maturity);
  const endOfMonth = m.day === daysInMonth(m.year, m.month);
  const total = m.year * 12 + (m.month - 1) - k * (12 / frequency);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = daysInMonth(year, month);
  return dateToSerial(year, month, endOfMonth ? last : Math.min(m.day, last));
}

/** Validates the common bond arguments and locates the coupon period containing settlement. */
export function couponPeriod(settlement: number, maturity: number, frequency: number, basis = 0): CouponPeriod | ExcelError {
  const s = dateArg(settlement);
  const m = dateArg(maturity);
  if (s instanceof ExcelError) return s;
  if (m instanceof ExcelError) return m;
  const f = Math.trunc(frequency);
  const b = Math.trunc(basis);
  if (s >= m || (f !== 1 && f !== 2 && f !== 4) || b < 0 || b > 4) return Errors.NUM;
  let k = 1;
  while (couponDate(m, f, k) > s) k++;
  return { settlement: s, maturity: m, frequency: f, basis: b, pcd: couponDate(m, f, k), ncd: couponDate(m, f, k - 1), count: k };
}

export function dayCount(start: number, end: number, basis: number): number {
  if (basis === 0) return days360(start, end, false);
  if (basis === 4) return days360(start, end, true);
  return end - start;
}

/** Days in the coupon period containing settlement (E). */
export function periodDays(p: CouponPeriod): number {
  if (p.basis === 1) return p.ncd - p.pcd;
  return (p.basis === 3 ? 365 : 360) / p.frequency;
}

/** Days from the period's start to settlement (A). */
export function accruedDays(p: CouponPeriod): number {
  return dayCount(p.pcd, p.settlement, p.basis);
}

/** Days from settlement to the next coupon (DSC). */
export function daysToNext(p: CouponPeriod): number {
  if (p.basis === 0 || p.basis === 4) return periodDays(p) - accruedDays(p);
  return p.ncd - p.settlement;
}

function coupon(pick: (p: CouponPeriod) => number) {
  return (_ctx: EvalContext, settlement: number, maturity: number, frequency: number, basis?: number): Value => {
    const p = couponPeriod(settlement, maturity, frequency, basis ?? 0);
    return p instanceof ExcelError ? p : pick(p);
  };
}

const COUPON_ARGS = { minArgs: 3, maxArgs: 4, args: ["number"] } as const;

export const couponFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "COUPPCD", ...COUPON_ARGS, impl: coupon((p) => p.pcd) },
  { name: "COUPNCD", ...COUPON_ARGS, impl: coupon((p) => p.ncd) },
  { name: "COUPNUM", ...COUPON_ARGS, impl: coupon((p) => p.count) },
  { name: "COUPDAYS", ...COUPON_ARGS, impl: coupon(periodDays) },
  { name: "COUPDAYBS", ...COUPON_ARGS, impl: coupon(accruedDays) },
  { name: "COUPDAYSNC", ...COUPON_ARGS, impl: coupon(daysToNext) },
]);
