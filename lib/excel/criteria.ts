/**
 * Excel's criteria (COUNTIF, SUMIF, AVERAGEIF, the *IFS family, MINIFS/MAXIFS, D-functions): an
 * optional operator (= <> < > <= >=) followed by a number, date, boolean, error or text with
 * wildcards (* ? and ~ as escape), matched case-insensitively.
 */
import { compareNumbers, compareText, parseNumberText } from "@/lib/excel/coerce";
import { ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

export type Matcher = (value: Scalar) => boolean;

type Operator = "=" | "<>" | "<" | ">" | "<=" | ">=";

const OPERATORS: readonly Operator[] = ["<=", ">=", "<>", "<", ">", "="];

/**
 * A regular expression for an Excel wildcard pattern (whole-string, case-insensitive). "~" makes the
 * next character literal; a trailing "~" stands for nothing.
 */
export function wildcardToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === "~") {
      source += escapeRegExp(pattern[i + 1] ?? "");
      i++;
    } else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, "i");
}

export function hasWildcards(pattern: string): boolean {
  return /[*?~]/.test(pattern);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function numberOf(value: Scalar): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseNumberText(value);
  return undefined;
}

function compareWith(op: Operator, diff: number): boolean {
  switch (op) {
    case "=":
      return diff === 0;
    case "<>":
      return diff !== 0;
    case "<":
      return diff < 0;
    case ">":
      return diff > 0;
    case "<=":
      return diff <= 0;
    case ">=":
      return diff >= 0;
  }
}

function numberMatcher(op: Operator, target: number): Matcher {
  return (value) => {
    if (op === "=") {
      const n = numberOf(value);
      return n !== undefined && compareNumbers(n, target) === 0;
    }
    if (op === "<>") return typeof value !== "number" || compareNumbers(value, target) !== 0;
    return typeof value === "number" && compareWith(op, compareNumbers(value, target));
  };
}

function booleanMatcher(op: Operator, target: boolean): Matcher {
  return (value) => {
    if (typeof value !== "boolean") return op === "<>";
    return compareWith(op, value === target ? 0 : value ? 1 : -1);
  };
}

function errorMatcher(op: Operator, code: string): Matcher {
  return (value) => {
    const same = value instanceof ExcelError && value.code === code;
    if (op === "=") return same;
    if (op === "<>") return !same;
    return false;
  };
}

function textMatcher(op: Operator, target: string): Matcher {
  if (op === "=" || op === "<>") {
    const regex = hasWildcards(target) ? wildcardToRegExp(target) : undefined;
    const lower = target.toLowerCase();
    return (value) => {
      const equal = typeof value === "string" && (regex ? regex.test(value) : value.toLowerCase() === lower);
      return op === "=" ? equal : !equal;
    };
  }
  return (value) => typeof value === "string" && compareWith(op, compareText(value, target));
}

function splitOperator(text: string): [Operator | undefined, string] {
  for (const op of OPERATORS) {
    if (text.startsWith(op)) return [op, text.slice(op.length)];
  }
  return [undefined, text];
}

/**
 * Compiles an Excel criterion into a predicate over cell values. A numeric "=" also matches numeric
 * text ("23"), while "<>" excludes only real numbers, as COUNTIF does.
 */
export function parseCriteria(criterion: Scalar): Matcher {
  if (criterion === null) return numberMatcher("=", 0);
  if (typeof criterion === "number") return numberMatcher("=", criterion);
  if (typeof criterion === "boolean") return booleanMatcher("=", criterion);
  if (criterion instanceof ExcelError) return errorMatcher("=", criterion.code);
  const [explicitOp, operand] = splitOperator(criterion);
  const op = explicitOp ?? "=";
  if (operand === "") {
    if (explicitOp === undefined) return (value) => value === null || value === "";
    if (op === "=") return (value) => value === null;
    if (op === "<>") return (value) => value !== null;
    return () => false;
  }
  const number = parseNumberText(operand);
  if (number !== undefined) return numberMatcher(op, number);
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return booleanMatcher(op, upper === "TRUE");
  if (isErrorCode(upper)) return errorMatcher(op, upper);
  return textMatcher(op, operand);
}
