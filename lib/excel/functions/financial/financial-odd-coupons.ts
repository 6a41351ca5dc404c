/**
 * Securities with an odd (short or long) first or last coupon period: ODDFPRICE, ODDFYIELD, ODDLPRICE,
 * ODDLYIELD, after Microsoft's formulas. An odd period is cut into quasi-coupon periods of normal length
 * (12 / frequency months) and each piece is counted with the day-count basis.
 */
import { dateToSerial, daysInMonth, serialToDate } from "@/lib/excel/dates";
import { dayCount } from "@/lib/excel/functions/financial/financial-coupons";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

/** `date` moved by `months`, keeping month ends at month ends. */
function addMonths(date: number, months: number): number {
  const d = serialToDate(date);
  const endOfMonth = d.day === daysInMonth(d.year, d.month);
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = daysInMonth(year, month);
  return dateToSerial(year, month, endOfMonth ? last : Math.min(d.day, last));
}

/** Days of a normal coupon period starting at `start`: 360 / frequency under 30/360 bases, else actual. */
function normalLength(start: number, months: number, frequency: number, basis: number): number {
  return basis === 0 || basis === 4 ? 360 / frequency : addMonths(start, months) - start;
}

function days(from: number, to: number, basis: number): number {
  return to > from ? dayCount(from, to, basis) : 0;
}

interface Checked {
  readonly settlement: number;
  readonly maturity: number;
  readonly other: number;
  readonly frequency: number;
  readonly basis: number;
}

function checkDates(settlement: number, maturity: number, other: number, frequency: number, basis: number | undefined): Checked | ExcelError {
  const s = dateArg(settlement);
  const m = dateArg(maturity);
  const o = dateArg(other);
  for (const d of [s, m, o]) if (d instanceof ExcelError) return d;
  const f = Math.trunc(frequency);
  const b = Math.trunc(basis ?? 0);
  if ((f !== 1 && f !== 2 && f !== 4) || b < 0 || b > 4) return Errors.NUM;
  return { settlement: s as number, maturity: m as number, other: o as number, frequency: f, basis: b };
}

/** Sums over the quasi-coupon periods from the last coupon to maturity: accrued, counted and remaining fractions. */
function oddLastFractions(c: Checked): { accrued: number; counted: number; remaining: number } {
  const months = 12 / c.frequency;
  let accrued = 0;
  let counted = 0;
  let remaining = 0;
  for (let start = c.other; start < c.maturity; ) {
    const end = addMonths(start, months);
    const nl = normalLength(start, months, c.frequency, c.basis);
    const stop = Math.min(end, c.maturity);
    counted += days(start, stop, c.basis) / nl;
    accrued += days(start, Math.min(c.settlement, stop), c.basis) / nl;
    remaining += days(Math.max(c.settlement, start), stop, c.basis) / nl;
    start = end;
  }
  return { accrued, counted, remaining };
}

function oddLastCheck(c: Checked, rate: number, redemption: number): ExcelError | undefined {
  if (rate < 0 || redemption <= 0) return Errors.NUM;
  if (!(c.maturity > c.settlement && c.settlement > c.other)) return Errors.NUM;
  return undefined;
}

function oddlprice(_ctx: EvalContext, settlement: number, maturity: number, last: number, rate: number, yld: number, redemption: number, frequency: number, basis?: number): Value {
  const c = checkDates(settlement, maturity, last, frequency, basis);
  if (c instanceof ExcelError) return c;
  const bad = oddLastCheck(c, rate, redemption) ?? (yld < 0 ? Errors.NUM : undefined);
  if (bad) return bad;
  const coupon = (100 * rate) / c.frequency;
  const { accrued, counted, remaining } = oddLastFractions(c);
  return (redemption + counted * coupon) / (1 + (remaining * yld) / c.frequency) - accrued * coupon;
}

function oddlyield(_ctx: EvalContext, settlement: number, maturity: number, last: number, rate: number, price: number, redemption: number, frequency: number, basis?: number): Value {
  const c = checkDates(settlement, maturity, last, frequency, basis);
  if (c instanceof ExcelError) return c;
  const bad = oddLastCheck(c, rate, redemption) ?? (price <= 0 ? Errors.NUM : undefined);
  if (bad) return bad;
  const coupon = (100 * rate) / c.frequency;
  const { accrued, counted, remaining } = oddLastFractions(c);
  const paid = price + accrued * coupon;
  return ((redemption + counted * coupon - paid) / paid) * (c.frequency / remaining);
}

interface OddFirst {
  readonly c: Checked;
  readonly issue: number;
  /** Quasi-coupon sums over the odd first period: counted (DC/NL) and accrued before settlement (A/NL). */
  readonly counted: number;
  readonly accrued: number;
  /** Whole quasi-coupon periods between settlement and the first coupon, and DSC/E for the one holding settlement. */
  readonly nq: number;
  readonly dscOverE: number;
  /** Coupons after the first one, up to maturity. */
  readonly later: number;
}

function oddFirstSchedule(c: Checked, issueSerial: number): OddFirst | ExcelError {
  const issue = dateArg(issueSerial);
  if (issue instanceof ExcelError) return issue;
  const first = c.other;
  if (!(c.maturity > first && first > c.settlement && c.settlement > issue)) return Errors.NUM;
  const months = 12 / c.frequency;
  let counted = 0;
  let accrued = 0;
  let nq = 0;
  let dscOverE = 0;
  for (let j = 1; ; j++) {
    const end = addMonths(first, -(j - 1) * months);
    const start = addMonths(first, -j * months);
    // Matched against Excel: actual/365 counts 365/frequency-day periods here (unlike the odd last period),
    // and actual/360 measures settlement to the next coupon in 360/frequency-day periods.
    const nl = c.basis === 3 ? 365 / c.frequency : normalLength(start, months, c.frequency, c.basis);
    const from = Math.max(issue, start);
    counted += days(from, end, c.basis) / nl;
    accrued += days(from, Math.min(c.settlement, end), c.basis) / nl;
    if (c.settlement >= start && c.settlement < end) {
      nq = j - 1;
      dscOverE = days(c.settlement, end, c.basis) / (c.basis === 2 ? 360 / c.frequency : nl);
    }
    if (start <= issue) break;
  }
  let later = 0;
  while (addMonths(first, later * months) < c.maturity) later++;
  return { c, issue, counted, accrued, nq, dscOverE, later };
}

function oddFirstPrice(s: OddFirst, rate: number, yld: number, redemption: number): number {
  const f = s.c.frequency;
  const coupon = (100 * rate) / f;
  const growth = 1 + yld / f;
  const lead = s.nq + s.dscOverE;
  let price = redemption / growth ** (s.later + lead) + (coupon * s.counted) / growth ** lead;
  for (let k = 1; k <= s.later; k++) price += coupon / growth ** (k + lead);
  return price - coupon * s.accrued;
}

function oddfprice(
  _ctx: EvalContext,
  settlement: number,
  maturity: number,
  issue: number,
  first: number,
  rate: number,
  yld: number,
  redemption: number,
  frequency: number,
  basis?: number,
): Value {
  const c = checkDates(settlement, maturity, first, frequency, basis);
  if (c instanceof ExcelError) return c;
  if (rate < 0 || yld < 0 || redemption <= 0) return Errors.NUM;
  const schedule = oddFirstSchedule(c, issue);
  return schedule instanceof ExcelError ? schedule : oddFirstPrice(schedule, rate, yld, redemption);
}

/** The yield at which ODDFPRICE gives `price`, by Newton's method from the coupon rate. */
function oddfyield(
  _ctx: EvalContext,
  settlement: number,
  maturity: number,
  issue: number,
  first: number,
  rate: number,
  price: number,
  redemption: number,
  frequency: number,
  basis?: number,
): Value {
  const c = checkDates(settlement, maturity, first, frequency, basis);
  if (c instanceof ExcelError) return c;
  if (rate < 0 || price <= 0 || redemption <= 0) return Errors.NUM;
  const schedule = oddFirstSchedule(c, issue);
  if (schedule instanceof ExcelError) return schedule;
  let y = rate > 0 ? rate : 0.1;
  for (let i = 0; i < 100; i++) {
    const h = 1e-7;
    const value = oddFirstPrice(schedule, rate, y, redemption) - price;
    const slope = (oddFirstPrice(schedule, rate, y + h, redemption) - oddFirstPrice(schedule, rate, y - h, redemption)) / (2 * h);
    if (!Number.isFinite(slope) || slope === 0) return Errors.NUM;
    const next = y - value / slope;
    if (Math.abs(next - y) < 1e-14) return next;
    y = next;
  }
  return Errors.NUM;
}

export const oddCouponFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "ODDFPRICE", minArgs: 8, maxArgs: 9, args: ["number"], impl: oddfprice },
  { name: "ODDFYIELD", minArgs: 8, maxArgs: 9, args: ["number"], impl: oddfyield },
  { name: "ODDLPRICE", minArgs: 7, maxArgs: 8, args: ["number"], impl: oddlprice },
  { name: "ODDLYIELD", minArgs: 7, maxArgs: 8, args: ["number"], impl: oddlyield },
]);
