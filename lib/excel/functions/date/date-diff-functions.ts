/** DAYS360, DATEDIF and YEARFRAC, with Excel's day-count conventions and quirks. */
import { dateToSerial, daysInMonth, isLeapYear, serialToDate, type DateParts } from "@/lib/excel/dates";
import { dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

function isLastDayOfMonth(d: DateParts): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

function count360(s: DateParts, sd: number, e: DateParts, ed: number): number {
  return (e.year - s.year) * 360 + (e.month - s.month) * 30 + (ed - sd);
}

/** DAYS360: the US (NASD) method as Excel implements it, or the European method. */
export function days360(start: number, end: number, european: boolean): number {
  const s = serialToDate(start);
  const e = serialToDate(end);
  let sd = s.day;
  let ed = e.day;
  if (european) {
    sd = Math.min(sd, 30);
    ed = Math.min(ed, 30);
  } else {
    if (isLastDayOfMonth(s)) sd = 30;
    if (ed === 31 && sd >= 30) ed = 30;
  }
  return count360(s, sd, e, ed);
}

function days360Fn(_ctx: EvalContext, start: number, end: number, method?: boolean): Value {
  const s = dateArg(start);
  const e = dateArg(end);
  if (s instanceof ExcelError) return s;
  if (e instanceof ExcelError) return e;
  return days360(start, end, method ?? false);
}

function datedif(_ctx: EvalContext, start: number, end: number, unit: string): Value {
  const s = dateArg(start);
  const e = dateArg(end);
  if (s instanceof ExcelError) return s;
  if (e instanceof ExcelError) return e;
  if (s > e) return Errors.NUM;
  const a = serialToDate(s);
  const b = serialToDate(e);
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case "Y":
      return Math.floor(months / 12);
    case "M":
      return months;
    case "D":
      return e - s;
    case "YM":
      return months % 12;
    case "MD":
      // Excel subtracts DATE(end year, end month - 1, start day), which can roll over and go negative.
      return b.day >= a.day ? b.day - a.day : e - dateToSerial(b.year, b.month - 1, a.day);
    case "YD": {
      let anniversary = dateToSerial(b.year, a.month, a.day);
      if (anniversary > e) anniversary = dateToSerial(b.year - 1, a.month, a.day);
      return e - anniversary;
    }
    default:
      return Errors.NUM;
  }
}

function isFebEnd(d: DateParts): boolean {
  return d.month === 2 && isLastDayOfMonth(d);
}

function us30360(s: DateParts, e: DateParts): number {
  let sd = s.day;
  let ed = e.day;
  if (sd === 31 && ed === 31) {
    sd = 30;
    ed = 30;
  } else if (sd === 31) {
    sd = 30;
  } else if (sd === 30 && ed === 31) {
    ed = 30;
  } else if (isFebEnd(s) && isFebEnd(e)) {
    sd = 30;
    ed = 30;
  } else if (isFebEnd(s)) {
    sd = 30;
  }
  return count360(s, sd, e, ed);
}

function crossesFeb29(start: number, end: number, s: DateParts, e: DateParts): boolean {
  for (const year of new Set([s.year, e.year])) {
    if (!isLeapYear(year)) continue;
    const feb29 = dateToSerial(year, 2, 29);
    if (start <= feb29 && feb29 <= end) return true;
  }
  return false;
}

function actualActual(start: number, end: number, s: DateParts, e: DateParts): number {
  const withinYear =
    s.year === e.year || (s.year + 1 === e.year && (s.month > e.month || (s.month === e.month && s.day >= e.day)));
  if (withinYear) {
    const leap = (s.year === e.year && isLeapYear(s.year)) || crossesFeb29(start, end, s, e);
    return (end - start) / (leap ? 366 : 365);
  }
  const years = e.year - s.year + 1;
  const daysInYears = dateToSerial(e.year + 1, 1, 1) - dateToSerial(s.year, 1, 1);
  return (end - start) / (daysInYears / years);
}

/** YEARFRAC for whole serials with start <= end and a basis 0..4. */
export function yearFrac(start: number, end: number, basis: number): number {
  const s = serialToDate(start);
  const e = serialToDate(end);
  switch (basis) {
    case 0:
      return us30360(s, e) / 360;
    case 1:
      return actualActual(start, end, s, e);
    case 2:
      return (end - start) / 360;
    case 3:
      return (end - start) / 365;
    default:
      return days360(start, end, true) / 360;
  }
}

function yearfracFn(_ctx: EvalContext, start: number, end: number, basis?: number): Value {
  const s = dateArg(start);
  const e = dateArg(end);
  if (s instanceof ExcelError) return s;
  if (e instanceof ExcelError) return e;
  const b = Math.trunc(basis ?? 0);
  if (b < 0 || b > 4) return Errors.NUM;
  return s <= e ? yearFrac(s, e, b) : yearFrac(e, s, b);
}

export const dateDiffFunctions: FunctionSpec[] = [
  { name: "DAYS360", minArgs: 2, maxArgs: 3, args: ["number", "number", "boolean"], impl: days360Fn },
  { name: "DATEDIF", minArgs: 3, maxArgs: 3, args: ["number", "number", "string"], impl: datedif },
  ...withStrictNumbers([{ name: "YEARFRAC", minArgs: 2, maxArgs: 3, args: ["number"], impl: yearfracFn }]),
];
