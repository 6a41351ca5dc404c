/** DATE, TIME, their text parsers, NOW/TODAY, the part extractors, WEEKDAY/WEEKNUM, EDATE/EOMONTH, DAYS. */
import {
  dateToSerial,
  daysInMonth,
  localDateToSerial,
  MAX_SERIAL,
  parseDateTimeText,
  serialToDate,
  serialToTime,
  weekdayIndex,
} from "@/lib/excel/dates";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

/** A date argument as a whole serial, or #NUM! when outside Excel's date range. */
export function dateArg(serial: number): number | ExcelError {
  if (serial < 0 || serial >= MAX_SERIAL + 1) return Errors.NUM;
  return Math.floor(serial);
}

export function serialResult(serial: number): number | ExcelError {
  return Number.isNaN(serial) || serial < 0 || serial > MAX_SERIAL ? Errors.NUM : serial;
}

function date(_ctx: EvalContext, year: number, month: number, day: number): Value {
  return serialResult(dateToSerial(year, month, day));
}

function time(_ctx: EvalContext, hour: number, minute: number, second: number): Value {
  const parts = [Math.trunc(hour), Math.trunc(minute), Math.trunc(second)];
  if (parts.some((p) => p > 32767)) return Errors.NUM;
  const [h = 0, m = 0, s = 0] = parts;
  const total = h * 3600 + m * 60 + s;
  if (total < 0) return Errors.NUM;
  return (total % 86_400) / 86_400;
}

function parseText(ctx: EvalContext, text: string): number | ExcelError {
  const serial = parseDateTimeText(text, ctx.now().getFullYear());
  return serial === undefined ? Errors.VALUE : serial;
}

function datevalue(ctx: EvalContext, text: string): Value {
  const serial = parseText(ctx, text);
  return serial instanceof ExcelError ? serial : Math.floor(serial);
}

function timevalue(ctx: EvalContext, text: string): Value {
  const serial = parseText(ctx, text);
  return serial instanceof ExcelError ? serial : serial - Math.floor(serial);
}

function datePart(part: "year" | "month" | "day") {
  return (_ctx: EvalContext, serial: number): Value => {
    const whole = dateArg(serial);
    return whole instanceof ExcelError ? whole : serialToDate(serial)[part];
  };
}

function timePart(part: "hour" | "minute" | "second") {
  return (_ctx: EvalContext, serial: number): Value => {
    if (serial < 0 || serial >= MAX_SERIAL + 1) return Errors.NUM;
    return serialToTime(serial)[part];
  };
}

/** First weekday (0 = Sunday) and the number given to it, per WEEKDAY's return_type. */
const WEEKDAY_TYPES: Record<number, [start: number, base: number]> = {
  1: [0, 1], 2: [1, 1], 3: [1, 0], 11: [1, 1], 12: [2, 1], 13: [3, 1], 14: [4, 1], 15: [5, 1], 16: [6, 1], 17: [0, 1],
};

function weekday(_ctx: EvalContext, serial: number, type = 1): Value {
  const whole = dateArg(serial);
  if (whole instanceof ExcelError) return whole;
  const spec = WEEKDAY_TYPES[Math.trunc(type)];
  if (!spec) return Errors.NUM;
  const [start, base] = spec;
  return ((weekdayIndex(whole) - start + 7) % 7) + base;
}

const WEEKNUM_STARTS: Record<number, number> = { 1: 0, 2: 1, 11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 16: 6, 17: 0 };

export function isoWeekNumber(serial: number): number {
  const mondayBased = (weekdayIndex(serial) + 6) % 7;
  const thursday = serial - mondayBased + 3;
  const { year } = serialToDate(thursday);
  return Math.floor((thursday - dateToSerial(year, 1, 1)) / 7) + 1;
}

function weeknum(_ctx: EvalContext, serial: number, type = 1): Value {
  const whole = dateArg(serial);
  if (whole instanceof ExcelError) return whole;
  const kind = Math.trunc(type);
  if (kind === 21) return isoWeekNumber(whole);
  const start = WEEKNUM_STARTS[kind];
  if (start === undefined) return Errors.NUM;
  const { year } = serialToDate(whole);
  const jan1 = dateToSerial(year, 1, 1);
  const offset = (weekdayIndex(jan1) - start + 7) % 7;
  return Math.floor((whole - jan1 + offset) / 7) + 1;
}

function isoweeknum(_ctx: EvalContext, serial: number): Value {
  const whole = dateArg(serial);
  return whole instanceof ExcelError ? whole : isoWeekNumber(whole);
}

export function addMonths(serial: number, months: number, endOfMonth: boolean): number | ExcelError {
  const { year, month, day } = serialToDate(serial);
  const target = month + Math.trunc(months);
  if (endOfMonth) {
    const end = dateToSerial(year, target + 1, 0);
    return end < 1 ? Errors.NUM : serialResult(end);
  }
  const normYear = year + Math.floor((target - 1) / 12);
  const normMonth = ((((target - 1) % 12) + 12) % 12) + 1;
  if (normYear < 1900 || normYear > 9999) return Errors.NUM;
  return serialResult(dateToSerial(normYear, normMonth, Math.min(day, daysInMonth(normYear, normMonth))));
}

function monthShift(endOfMonth: boolean) {
  return (_ctx: EvalContext, start: number, months: number): Value => {
    const whole = dateArg(start);
    return whole instanceof ExcelError ? whole : addMonths(whole, months, endOfMonth);
  };
}

function days(_ctx: EvalContext, end: number, start: number): Value {
  const e = dateArg(end);
  const s = dateArg(start);
  if (e instanceof ExcelError) return e;
  if (s instanceof ExcelError) return s;
  return e - s;
}

export const datetimeFunctions: FunctionSpec[] = [
  { name: "DATE", minArgs: 3, maxArgs: 3, args: ["number"], impl: date },
  { name: "TIME", minArgs: 3, maxArgs: 3, args: ["number"], impl: time },
  { name: "DATEVALUE", minArgs: 1, maxArgs: 1, args: ["string"], impl: datevalue },
  { name: "TIMEVALUE", minArgs: 1, maxArgs: 1, args: ["string"], impl: timevalue },
  { name: "NOW", minArgs: 0, maxArgs: 0, args: [], volatile: true, impl: (ctx: EvalContext) => localDateToSerial(ctx.now()) },
  { name: "TODAY", minArgs: 0, maxArgs: 0, args: [], volatile: true, impl: (ctx: EvalContext) => Math.floor(localDateToSerial(ctx.now())) },
  { name: "YEAR", minArgs: 1, maxArgs: 1, args: ["number"], impl: datePart("year") },
  { name: "MONTH", minArgs: 1, maxArgs: 1, args: ["number"], impl: datePart("month") },
  { name: "DAY", minArgs: 1, maxArgs: 1, args: ["number"], impl: datePart("day") },
  { name: "HOUR", minArgs: 1, maxArgs: 1, args: ["number"], impl: timePart("hour") },
  { name: "MINUTE", minArgs: 1, maxArgs: 1, args: ["number"], impl: timePart("minute") },
  { name: "SECOND", minArgs: 1, maxArgs: 1, args: ["number"], impl: timePart("second") },
  { name: "WEEKDAY", minArgs: 1, maxArgs: 2, args: ["number"], impl: weekday },
  ...withStrictNumbers([{ name: "WEEKNUM", minArgs: 1, maxArgs: 2, args: ["number"], impl: weeknum }]),
  { name: "ISOWEEKNUM", minArgs: 1, maxArgs: 1, args: ["number"], impl: isoweeknum },
  ...withStrictNumbers([
    { name: "EDATE", minArgs: 2, maxArgs: 2, args: ["number"], impl: monthShift(false) },
    { name: "EOMONTH", minArgs: 2, maxArgs: 2, args: ["number"], impl: monthShift(true) },
  ]),
  { name: "DAYS", minArgs: 2, maxArgs: 2, args: ["number"], impl: days },
];
