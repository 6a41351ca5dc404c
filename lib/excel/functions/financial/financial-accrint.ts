/**
 * ACCRINT: accrued interest summed over the quasi-coupon periods between issue and settlement, each
 * period counted under its basis the way Excel does (the algorithm documented by the open-source
 * ExcelFinancialFunctions project, which reproduces Excel's results).
 */
import { dateToSerial, daysInMonth, serialToDate, type DateParts } from "@/lib/excel/dates";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

const serial = (d: DateParts): number => dateToSerial(d.year, d.month, d.day);
const isLastDay = (d: DateParts): boolean => d.day === daysInMonth(d.year, d.month);
const isLastFeb = (d: DateParts): boolean => d.month === 2 && isLastDay(d);

/** Shifts by months clamping the day to the target month, optionally snapping to its last day. */
function shiftMonths(d: DateParts, months: number, toLastDay: boolean): DateParts {
  const total = d.year * 12 + d.month - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = daysInMonth(year, month);
  return { year, month, day: toLastDay ? last : Math.min(d.day, last) };
}

function diff360(sd: number, sm: number, sy: number, ed: number, em: number, ey: number): number {
  return (ey - sy) * 360 + (em - sm) * 30 + (ed - sd);
}

function us360(start: DateParts, end: DateParts, modifyBoth: boolean): number {
  let sd = start.day;
  let ed = end.day;
  if (isLastFeb(end) && (isLastFeb(start) || modifyBoth)) ed = 30;
  if (ed === 31 && (sd >= 30 || modifyBoth)) ed = 30;
  if (sd === 31) sd = 30;
  if (isLastFeb(start)) sd = 30;
  return diff360(sd, start.month, start.year, ed, end.month, end.year);
}

function eu360(start: DateParts, end: DateParts): number {
  return diff360(Math.min(start.day, 30), start.month, start.year, Math.min(end.day, 30), end.month, end.year);
}

function actual365(start: DateParts, end: DateParts): number {
  const clamp = (d: DateParts): DateParts => (d.month === 2 && d.day > 28 ? { ...d, day: 28 } : d);
  return (end.year - start.year) * 365 + serial({ ...clamp(end), year: start.year }) - serial(clamp(start));
}

function daysBetween(start: DateParts, end: DateParts, numerator: boolean, basis: number): number {
  if (basis === 0) return us360(start, end, false);
  if (basis === 4) return eu360(start, end);
  if (basis === 2 && !numerator) return us360(start, end, false);
  if (basis === 3 && !numerator) return actual365(start, end);
  return serial(end) - serial(start);
}

/** Steps from `start` by `months` until passing `end`; returns the boundary reached and the one before. */
function walk(start: DateParts, end: DateParts, months: number, toLastDay: boolean): [DateParts, DateParts] {
  let front = start;
  let trailing = end;
  const target = serial(end);
  while (months > 0 ? serial(front) < target : serial(front) > target) {
    trailing = front;
    front = shiftMonths(front, months, toLastDay);
  }
  return [front, trailing];
}

function couponDays(periodStart: DateParts, maturity: DateParts, frequency: number, basis: number): number {
  if (basis === 3) return 365 / frequency;
  if (basis !== 1) return 360 / frequency;
  const [pcd, ncd] = walk(maturity, periodStart, -(12 / frequency), isLastDay(maturity));
  return serial(ncd) - serial(pcd);
}

function accruedPeriods(issue: DateParts, first: DateParts, settlement: DateParts, frequency: number, basis: number, fromIssue: boolean): number {
  const months = 12 / frequency;
  const endOfMonth = isLastDay(first);
  const regularStart = shiftMonths(first, -months, endOfMonth);
  const pcd = serial(settlement) > serial(first) && fromIssue ? walk(first, settlement, months, endOfMonth)[1] : regularStart;
  const accrualStart = serial(issue) > serial(pcd) ? issue : pcd;
  let total = daysBetween(accrualStart, settlement, true, basis) / couponDays(regularStart, first, frequency, basis);
  let front = pcd;
  while (serial(front) > serial(issue)) {
    const periodEnd = front;
    front = shiftMonths(front, -months, endOfMonth);
    if (serial(issue) <= serial(front)) {
      total += fromIssue ? 1 : 0;
      continue;
    }
    const numerator = basis === 0 ? us360(issue, periodEnd, false) : daysBetween(issue, periodEnd, true, basis);
    const denominator =
      basis === 0 ? us360(front, periodEnd, true) : basis === 3 ? 365 / frequency : daysBetween(front, periodEnd, false, basis);
    total += numerator / denominator;
  }
  return total;
}

function accrint(
  _ctx: EvalContext,
  issue: number,
  firstInterest: number,
  settlement: number,
  rate: number,
  par: number,
  frequency: number,
  basis?: number,
  calcMethod?: boolean,
): Value {
  const dates = [dateArg(issue), dateArg(firstInterest), dateArg(settlement)];
  for (const d of dates) if (d instanceof ExcelError) return d;
  const [i, f, s] = dates as number[];
  const freq = Math.trunc(frequency);
  const b = Math.trunc(basis ?? 0);
  if (rate <= 0 || par <= 0 || (freq !== 1 && freq !== 2 && freq !== 4) || b < 0 || b > 4 || (i as number) >= (s as number)) {
    return Errors.NUM;
  }
  const periods = accruedPeriods(serialToDate(i as number), serialToDate(f as number), serialToDate(s as number), freq, b, calcMethod ?? true);
  return (par * rate * periods) / freq;
}

export const accrintFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "ACCRINT", minArgs: 6, maxArgs: 8, args: ["number", "number", "number", "number", "number", "number", "number", "boolean"], impl: accrint },
]);
