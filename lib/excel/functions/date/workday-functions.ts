/** NETWORKDAYS, NETWORKDAYS.INTL, WORKDAY and WORKDAY.INTL with weekend codes, masks and holidays. */
import { toNumber } from "@/lib/excel/coerce";
import { MAX_SERIAL, weekdayIndex } from "@/lib/excel/dates";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar } from "@/lib/excel/values";

/** Weekend days indexed by weekdayIndex (0 = Sunday). */
type WeekendMask = readonly boolean[];

const PAIR_STARTS = [6, 0, 1, 2, 3, 4, 5];

function weekendMask(weekend: Scalar | undefined): WeekendMask | ExcelError {
  if (weekend === undefined || weekend === null) return maskOf([0, 6]);
  if (weekend instanceof ExcelError) return weekend;
  if (typeof weekend === "string") {
    if (!/^[01]{7}$/.test(weekend)) return Errors.VALUE;
    // The string starts on Monday.
    return Array.from({ length: 7 }, (_, day) => weekend[(day + 6) % 7] === "1");
  }
  const code = toNumber(weekend);
  if (code instanceof ExcelError) return code;
  const k = Math.trunc(code);
  if (k >= 1 && k <= 7) {
    const first = PAIR_STARTS[k - 1] as number;
    return maskOf([first, (first + 1) % 7]);
  }
  if (k >= 11 && k <= 17) return maskOf([(k - 11) % 7]);
  return Errors.NUM;
}

function maskOf(days: number[]): WeekendMask {
  return Array.from({ length: 7 }, (_, day) => days.includes(day));
}

function holidaySet(holidays: RangeArg | undefined): Set<number> | ExcelError {
  const set = new Set<number>();
  for (const row of holidays?.rows ?? []) {
    for (const value of row) {
      if (value === null) continue;
      const n = typeof value === "boolean" ? Errors.VALUE : toNumber(value);
      if (n instanceof ExcelError) return n;
      const day = dateArg(n);
      if (day instanceof ExcelError) return day;
      set.add(day);
    }
  }
  return set;
}

function countWorkdays(from: number, to: number, mask: WeekendMask, holidays: Set<number>): number {
  const total = to - from + 1;
  const weekendPerWeek = mask.filter(Boolean).length;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * (7 - weekendPerWeek);
  for (let d = from + fullWeeks * 7; d <= to; d++) if (!mask[weekdayIndex(d)]) count++;
  for (const h of holidays) if (h >= from && h <= to && !mask[weekdayIndex(h)]) count--;
  return count;
}

function networkdays(start: number, end: number, weekend: Scalar | undefined, holidays: RangeArg | undefined): number | ExcelError {
  const s = dateArg(start);
  const e = dateArg(end);
  if (s instanceof ExcelError) return s;
  if (e instanceof ExcelError) return e;
  const mask = weekendMask(weekend);
  if (mask instanceof ExcelError) return mask;
  const days = holidaySet(holidays);
  if (days instanceof ExcelError) return days;
  return s <= e ? countWorkdays(s, e, mask, days) : -countWorkdays(e, s, mask, days);
}

function workday(start: number, offset: number, weekend: Scalar | undefined, holidays: RangeArg | undefined): number | ExcelError {
  const s = dateArg(start);
  if (s instanceof ExcelError) return s;
  const mask = weekendMask(weekend);
  if (mask instanceof ExcelError) return mask;
  if (mask.every(Boolean)) return Errors.VALUE;
  const days = holidaySet(holidays);
  if (days instanceof ExcelError) return days;
  let remaining = Math.abs(Math.trunc(offset));
  const step = offset < 0 ? -1 : 1;
  let d = s;
  while (remaining > 0) {
    d += step;
    if (d < 0 || d > MAX_SERIAL) return Errors.NUM;
    if (!mask[weekdayIndex(d)] && !days.has(d)) remaining--;
  }
  return d;
}

export const workdayFunctions: FunctionSpec[] = withStrictNumbers([
  {
    name: "NETWORKDAYS",
    minArgs: 2,
    maxArgs: 3,
    args: ["number", "number", "range"],
    impl: (_ctx: EvalContext, s: number, e: number, h?: RangeArg) => networkdays(s, e, undefined, h),
  },
  {
    name: "NETWORKDAYS.INTL",
    minArgs: 2,
    maxArgs: 4,
    args: ["number", "number", "scalar", "range"],
    impl: (_ctx: EvalContext, s: number, e: number, w?: Scalar, h?: RangeArg) => networkdays(s, e, w, h),
  },
  {
    name: "WORKDAY",
    minArgs: 2,
    maxArgs: 3,
    args: ["number", "number", "range"],
    impl: (_ctx: EvalContext, s: number, d: number, h?: RangeArg) => workday(s, d, undefined, h),
  },
  {
    name: "WORKDAY.INTL",
    minArgs: 2,
    maxArgs: 4,
    args: ["number", "number", "scalar", "range"],
    impl: (_ctx: EvalContext, s: number, d: number, w?: Scalar, h?: RangeArg) => workday(s, d, w, h),
  },
]);
