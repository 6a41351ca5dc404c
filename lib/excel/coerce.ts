/**
 * Excel's scalar coercions (text to number, number to text, to boolean), its comparison order and its
 * 15-significant-digit rounding. Shared by the evaluator's operators and the function library.
 */
import { parseDateTimeText } from "@/lib/excel/dates";
import { Errors, ExcelError, type Scalar } from "@/lib/excel/values";

/** Excel's 15-significant-digit rounding of a double (what a cell displays and compares). */
export function round15(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n;
  return Number(n.toPrecision(15));
}

/** Orders two numbers as Excel compares them (equal when they agree to 15 significant digits). */
export function compareNumbers(a: number, b: number): number {
  if (a === b) return 0;
  if (Math.abs(a - b) > 1e-13 * Math.max(Math.abs(a), Math.abs(b))) return a < b ? -1 : 1;
  const l = round15(a);
  const r = round15(b);
  return l === r ? 0 : l < r ? -1 : 1;
}

const NUMBER_BODY = /^(\d+(?:,\d{3})*)?(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

function parseUnsignedBody(body: string): number | undefined {
  const match = NUMBER_BODY.exec(body);
  if (!match) return undefined;
  const [, whole, fraction, exponent] = match;
  if (whole === undefined && (fraction === undefined || fraction === "")) return undefined;
  const text = `${(whole ?? "0").replaceAll(",", "")}.${fraction ?? ""}${exponent !== undefined ? `e${exponent}` : ""}`;
  const value = Number(text.replace(/\.(e|$)/i, "$1"));
  return Number.isFinite(value) ? value : undefined;
}

const FRACTION = /^([+-])?(\d+) +(\d+)\/(\d+)$/;

function parseFraction(text: string): number | undefined {
  const match = FRACTION.exec(text);
  if (!match) return undefined;
  const [, sign, whole, numerator, denominator] = match;
  const den = Number(denominator);
  if (den === 0) return undefined;
  const value = Number(whole) + Number(numerator) / den;
  return sign === "-" ? -value : value;
}

/**
 * Parses text the way Excel's VALUE (and implicit text-to-number coercion) does in the en-US locale:
 * signs, a `$`, thousands separators, a decimal point, an exponent, trailing `%`, accounting
 * parentheses, mixed fractions ("1 1/2"), then dates and times (which, unlike numbers, may not carry
 * surrounding spaces). A euro sign before or after is accepted like "$", as Excel does in euro
 * locales. Returns undefined when it is not a number.
 */
export function parseNumberText(raw: string): number | undefined {
  const text = raw.trim();
  if (text === "") return undefined;
  const fraction = parseFraction(text);
  if (fraction !== undefined) return fraction;
  let rest = text;
  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  let percent = 0;
  while (rest.endsWith("%")) {
    percent += 1;
    rest = rest.slice(0, -1).trimEnd();
  }
  let sawSign = false;
  let sawCurrency = false;
  for (;;) {
    const head = rest[0];
    if ((head === "+" || head === "-") && !sawSign) {
      sawSign = true;
      if (head === "-") negative = !negative;
    } else if ((head === "$" || head === "€") && !sawCurrency) {
      sawCurrency = true;
    } else {
      break;
    }
    rest = rest.slice(1).trimStart();
  }
  if (!sawCurrency && rest.endsWith("€")) {
    sawCurrency = true;
    rest = rest.slice(0, -1).trimEnd();
  }
  const body = parseUnsignedBody(rest);
  if (body !== undefined) {
    const scaled = percent > 0 ? body / 100 ** percent : body;
    return negative ? -scaled : scaled;
  }
  if (negative || percent > 0 || sawSign || sawCurrency || text !== raw) return undefined;
  return parseDateTimeText(text);
}

/** Excel's coercion of a scalar to a number (blank 0, booleans 1/0, numeric text, else #VALUE!). */
export function toNumber(v: Scalar): number | ExcelError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof ExcelError) return v;
  const parsed = parseNumberText(v);
  return parsed === undefined ? Errors.VALUE : parsed;
}

/**
 * Number coercion of the Analysis ToolPak functions (MROUND, QUOTIENT, MULTINOMIAL, GCD...), which
 * refuse booleans.
 */
export function toAtpNumber(v: Scalar): number | ExcelError {
  return typeof v === "boolean" ? Errors.VALUE : toNumber(v);
}

/**
 * A number as Excel's General format writes it in text (="" & n): at most 15 significant digits,
 * no trailing zeros, and scientific notation with a two-digit exponent when the decimal exponent is
 * >= 15 or < -4 (the printf %g rule, which Excel's General format follows at unconstrained width).
 */
export function formatGeneral(n: number): string {
  if (n === 0 || Object.is(n, -0)) return "0";
  const [mantissa = "0", expText = "0"] = n.toExponential(14).split("e");
  let exponent = Number(expText);
  let digits = mantissa.replace("-", "").replace(".", "");
  if (digits.length > 15) digits = digits.slice(0, 15);
  digits = digits.replace(/0+$/, "");
  if (digits === "") {
    digits = "1";
    exponent += 1;
  }
  const sign = n < 0 ? "-" : "";
  if (exponent >= 15 || exponent < -4) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${digits[0]}${fraction}E${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const intLength = exponent + 1;
  if (digits.length <= intLength) return `${sign}${digits}${"0".repeat(intLength - digits.length)}`;
  return `${sign}${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
}

/** Excel's coercion of a scalar to text (blank "", booleans TRUE/FALSE, numbers in General format). */
export function toText(v: Scalar): string | ExcelError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof ExcelError) return v;
  return formatGeneral(v);
}

/** Excel's coercion of a scalar to a boolean ("TRUE"/"FALSE" text, numbers nonzero, blank FALSE). */
export function toBoolean(v: Scalar): boolean | ExcelError {
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  if (v instanceof ExcelError) return v;
  const upper = v.trim().toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return Errors.VALUE;
}

const collator = new Intl.Collator("en-US", { sensitivity: "accent", numeric: false });

/** Case-insensitive text order close to Excel's (punctuation < digits < letters). */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la === lb) return 0;
  const byCollation = collator.compare(la, lb);
  if (byCollation !== 0) return byCollation;
  return la < lb ? -1 : 1;
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/**
 * Excel's comparison order as used by = < > and sorting: numbers < text < booleans; text is compared
 * case-insensitively; a blank compares as 0, "" or FALSE according to the other side. Errors must be
 * handled by the caller; here they sort after everything else.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (a instanceof ExcelError || b instanceof ExcelError) {
    if (a instanceof ExcelError && b instanceof ExcelError) return 0;
    return a instanceof ExcelError ? 1 : -1;
  }
  if (a === null && b === null) return 0;
  const left = a ?? blankLike(b as number | string | boolean);
  const right = b ?? blankLike(a as number | string | boolean);
  const rankDiff = typeRank(left) - typeRank(right);
  if (rankDiff !== 0) return rankDiff < 0 ? -1 : 1;
  if (typeof left === "number" && typeof right === "number") return compareNumbers(left, right);
  if (typeof left === "string" && typeof right === "string") return compareText(left, right);
  return left === right ? 0 : left ? 1 : -1;
}

function blankLike(other: number | string | boolean): number | string | boolean {
  return typeof other === "number" ? 0 : typeof other === "string" ? "" : false;
}
