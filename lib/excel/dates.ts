/**
 * Excel's 1900 date system: serial 1 is 1900-01-01, serial 0 is "1900-01-00", and serial 60 is the
 * fictitious 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility. Times are day fractions.
 * A workbook saved with the 1904 date system (`<workbookPr date1904="1">`) counts from 1904-01-01
 * instead: the same day is 1462 less. The calculation selects its workbook's system before it
 * evaluates each formula (`selectDateSystem`); every serial <-> calendar conversion here follows it.
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 31);
/** 9999-12-31, the last date Excel accepts. */
export const MAX_SERIAL = 2_958_465;

/** 1904-01-01 in the 1900 system: how far the 1904 system's serials are behind. */
export const DATE1904_OFFSET = 1462;

let systemOffset = 0;

/** Selects the date system for the conversions that follow (Excel keeps one per workbook). */
export function selectDateSystem(date1904: boolean): void {
  systemOffset = date1904 ? DATE1904_OFFSET : 0;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface TimeParts {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Serial of the first day of a (normalised) month, real calendar plus the phantom 1900-02-29. */
function firstOfMonthSerial(year: number, monthIndex: number): number {
  const utc = new Date(0);
  utc.setUTCFullYear(year, monthIndex, 1);
  utc.setUTCHours(0, 0, 0, 0);
  const days = Math.round((utc.getTime() - EPOCH_UTC) / MS_PER_DAY);
  return days >= 60 ? days + 1 : days;
}

/**
 * DATE's arithmetic: years 0..1899 add 1900, months and days out of range roll over.
 * Returns NaN for years outside 0..9999 (also after the month roll-over); callers map that (and serials outside 0..MAX_SERIAL) to #NUM!.
 */
export function dateToSerial(year: number, month: number, day: number): number {
  let y = Math.trunc(year);
  if (y < 0 || y > 9999) return Number.NaN;
  if (y < 1900) y += 1900;
  const totalMonths = y * 12 + Math.trunc(month) - 1;
  const normYear = Math.floor(totalMonths / 12);
  const normMonth = totalMonths - normYear * 12;
  if (normYear > 9999) return Number.NaN;
  return firstOfMonthSerial(normYear, normMonth) + Math.trunc(day) - 1 - systemOffset;
}

/**
 * Calendar parts of a serial. Serial 0 is 1900-01-00 and 60 is 1900-02-29. A time within half a
 * second of midnight counts as the next day, consistently with HOUR/MINUTE/SECOND's rounding.
 */
export function serialToDate(serial: number): DateParts {
  let whole = Math.floor(serial);
  if (Math.round((serial - whole) * 86_400) >= 86_400) whole += 1;
  whole += systemOffset;
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole > 60 ? whole - 1 : whole;
  const date = new Date(EPOCH_UTC + days * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whole seconds since midnight of a serial's fraction, rounded like HOUR/MINUTE/SECOND do. */
export function serialToSeconds(serial: number): number {
  const fraction = serial - Math.floor(serial);
  const seconds = Math.round(fraction * 86_400);
  return seconds >= 86_400 ? 0 : seconds;
}

export function serialToTime(serial: number): TimeParts {
  const total = serialToSeconds(serial);
  return { hour: Math.floor(total / 3600), minute: Math.floor((total % 3600) / 60), second: total % 60 };
}

export function timeToSerial(hour: number, minute: number, second: number): number {
  return (hour * 3600 + minute * 60 + second) / 86_400;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) || year === 1900 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day of week of a serial: 0 = Sunday ... 6 = Saturday (serial 1, 1900-01-01, is a "Sunday" in Excel). */
export function weekdayIndex(serial: number): number {
  const whole = Math.floor(serial) + systemOffset;
  return (((whole - 1) % 7) + 7) % 7;
}

/** The serial (with time fraction) of a wall-clock moment, read from the Date's local fields. */
export function localDateToSerial(date: Date): number {
  const day = dateToSerial(date.getFullYear(), date.getMonth() + 1, date.getDate());
  return day + timeToSerial(date.getHours(), date.getMinutes(), date.getSeconds() + date.getMilliseconds() / 1000);
}


const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const TIME_RE = /^(\d{1,5})(?::(\d{1,2}))?(?::(\d{1,2}))?(\.\d*)?\s*(am?|pm?)?$/;

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

/** Two-digit years 00-29 mean 20xx, 30-99 mean 19xx; other years below 1900 are not dates. */
function fullYear(text: string): number | undefined {
  const year = Number(text);
  if (text.length <= 2) return year < 30 ? 2000 + year : 1900 + year;
  return year >= 1900 && year <= 9999 ? year : undefined;
}

function validDate(year: number | undefined, month: number, day: number): number | undefined {
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dateToSerial(year, month, day);
}

/** "m/d" when the second number can be a day of the month, else "m/yyyy" (first of month). */
function monthAndDayOrYear(month: number, second: string, currentYear: number): number | undefined {
  const value = Number(second);
  if (second.length <= 2 && value >= 1 && value <= daysInMonth(currentYear, month)) {
    return validDate(currentYear, month, value);
  }
  return validDate(fullYear(second), month, 1);
}

function parseDatePart(text: string, currentYear: number): number | undefined {
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) return validDate(fullYear(m[1]!), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-/])(\d{1,2})\2(\d{1,4})$/.exec(text);
  if (m) return validDate(fullYear(m[4]!), Number(m[1]), Number(m[3]));
  m = /^(\d{1,2})[-/](\d{1,4})$/.exec(text);
  if (m) return monthAndDayOrYear(Number(m[1]), m[2]!, currentYear);
  m = new RegExp(`^(\\d{1,2})[-/ ]${MONTH_NAME}\\.?(?:[-/ ,]+(\\d{1,4}))?$`).exec(text);
  if (m) return validDate(m[3] === undefined ? currentYear : fullYear(m[3]), monthOf(m[2]!), Number(m[1]));
  m = new RegExp(`^${MONTH_NAME}\\.?[-/ ]+(\\d{1,4})(?:(?:,\\s*|[-/ ]+)(\\d{1,4}))?$`).exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    if (m[3] !== undefined) return m[2]!.length <= 2 ? validDate(fullYear(m[3]), month, Number(m[2])) : undefined;
    return monthAndDayOrYear(month, m[2]!, currentYear);
  }
  m = new RegExp(`^${MONTH_NAME}\\.?[-/ ,]+(\\d{1,2})[-/ ,]+(\\d{4})$`).exec(text);
  if (m) return validDate(fullYear(m[3]!), monthOf(m[1]!), Number(m[2]));
  return undefined;
}

function parseTimePart(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const [, first, second, third, fraction, meridiem] = m;
  if (second === undefined && meridiem === undefined) return undefined;
  if (second === undefined && fraction !== undefined) return undefined;
  let hours = Number(first);
  let minutes = Number(second ?? 0);
  let seconds = Number(third ?? 0);
  const frac = fraction === undefined || fraction === "." ? 0 : Number(fraction);
  if (fraction !== undefined && third === undefined) {
    // "mm:ss.f": with a decimal and two fields Excel reads minutes and seconds.
    seconds = minutes + frac;
    minutes = hours;
    hours = 0;
  } else {
    seconds += frac;
  }
  if (minutes >= 60 || seconds >= 60) return undefined;
  if (meridiem !== undefined) {
    if (hours > 12) return undefined;
    hours = hours % 12 + (meridiem.startsWith("p") ? 12 : 0);
  } else if (hours >= 10_000) {
    return undefined;
  }
  return timeToSerial(hours, minutes, seconds);
}

/**
 * What DATEVALUE, TIMEVALUE and VALUE accept as a date and/or time in the en-US locale
 * ("1/31/2024", "2024-01-31", "31-Jan-2024", "Jan 31, 2024", "January 2024", "10:30:15 PM",
 * "1/31/2024 10:30"). Returns the serial (with time fraction) or undefined when the text is not one.
 * `currentYear` fills in dates written without a year ("1/31", "31-Jan").
 */
export function parseDateTimeText(text: string, currentYear = new Date().getFullYear()): number | undefined {
  const normalized = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (normalized === "") return undefined;
  const whole = parseDatePart(normalized, currentYear) ?? parseTimePart(normalized);
  if (whole !== undefined) return whole;
  const split = /^(.*\S)\s+(\d{1,5}(?::\d{1,2}){0,2}(?:\.\d*)?\s*(?:am?|pm?)?)$/.exec(normalized);
  if (!split) return undefined;
  const date = parseDatePart(split[1]!, currentYear);
  const time = parseTimePart(split[2]!);
  if (date === undefined || time === undefined) return undefined;
  return date + time;
}
