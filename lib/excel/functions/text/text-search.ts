/** Searching and splitting text: FIND, SEARCH, TEXTBEFORE, TEXTAFTER, TEXTSPLIT, REGEX*. */
import { toNumber, toText } from "@/lib/excel/coerce";
import { wildcardToRegExp } from "@/lib/excel/criteria";
import { flattenValue } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { arrayOf, Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

function find(needle: string, haystack: string, start = 1): number | ExcelError {
  const s = Math.trunc(start);
  if (s < 1 || s > haystack.length + 1) return Errors.VALUE;
  const index = haystack.indexOf(needle, s - 1);
  return index < 0 ? Errors.VALUE : index + 1;
}

function search(needle: string, haystack: string, start = 1): number | ExcelError {
  const s = Math.trunc(start);
  if (s < 1 || s > haystack.length + 1) return Errors.VALUE;
  if (needle === "") return s;
  const pattern = wildcardToRegExp(needle).source.slice(1, -1);
  const regex = new RegExp(pattern, "i");
  const match = regex.exec(haystack.slice(s - 1));
  return match ? match.index + s : Errors.VALUE;
}

function delimitersOf(ctx: EvalContext, value: Value | undefined): string[] | ExcelError {
  if (value === undefined) return [];
  const out: string[] = [];
  for (const v of flattenValue(ctx, value)) {
    const text = toText(v);
    if (text instanceof ExcelError) return text;
    out.push(text);
  }
  return out;
}

interface Hit {
  readonly index: number;
  readonly length: number;
}

/** Every non-overlapping occurrence of any delimiter, left to right. */
function findAll(text: string, delimiters: string[], ignoreCase: boolean): Hit[] {
  const hay = ignoreCase ? text.toLowerCase() : text;
  const needles = delimiters.map((d) => (ignoreCase ? d.toLowerCase() : d));
  const hits: Hit[] = [];
  let i = 0;
  while (i <= hay.length) {
    let best: Hit | undefined;
    for (const needle of needles) {
      if (needle === "") continue;
      const index = hay.indexOf(needle, i);
      if (index >= 0 && (!best || index < best.index || (index === best.index && needle.length > best.length))) {
        best = { index, length: needle.length };
      }
    }
    if (!best) break;
    hits.push(best);
    i = best.index + best.length;
  }
  return hits;
}

function textAround(
  ctx: EvalContext,
  before: boolean,
  text: string,
  delimiter: Value,
  instance: Scalar = null,
  matchMode = 0,
  matchEnd = 0,
  ifNotFound: Value = null,
): Value {
  const delimiters = delimitersOf(ctx, delimiter);
  if (delimiters instanceof ExcelError) return delimiters;
  const instanceNumber = instance === null ? 1 : toNumber(instance);
  if (instanceNumber instanceof ExcelError) return instanceNumber;
  const n = Math.trunc(instanceNumber);
  if (n === 0 || Math.abs(n) > text.length + 1 || delimiters.length === 0) return Errors.VALUE;
  if ((matchMode !== 0 && matchMode !== 1) || (matchEnd !== 0 && matchEnd !== 1)) return Errors.VALUE;
  const shortest = Math.min(...delimiters.map((d) => d.length));
  if (instance !== null && Math.abs(n) > text.length - shortest + 1) return Errors.VALUE;
  const notFound = (): Value => (ifNotFound === null ? Errors.NA : ifNotFound);
  if (delimiters.every((d) => d === "")) return before ? (n > 0 ? "" : text) : n > 0 ? text : "";
  const hits = findAll(text, delimiters, matchMode !== 0);
  if (matchEnd !== 0) {
    if (n > 0) hits.push({ index: text.length, length: 0 });
    else hits.unshift({ index: 0, length: 0 });
  }
  const hit = n > 0 ? hits[n - 1] : hits[hits.length + n];
  if (!hit) return notFound();
  return before ? text.slice(0, hit.index) : text.slice(hit.index + hit.length);
}

function textSplit(
  ctx: EvalContext,
  text: string,
  colDelimiter: Value,
  rowDelimiter?: Value,
  ignoreEmpty = false,
  matchMode = 0,
  padWith: Scalar = Errors.NA,
): Value {
  const colDelims = delimitersOf(ctx, colDelimiter === null ? undefined : colDelimiter);
  const rowDelims = delimitersOf(ctx, rowDelimiter === null ? undefined : rowDelimiter);
  if (colDelims instanceof ExcelError) return colDelims;
  if (rowDelims instanceof ExcelError) return rowDelims;
  if (colDelims.every((d) => d === "") && rowDelims.every((d) => d === "")) return Errors.VALUE;
  const split = (s: string, delims: string[]): string[] => {
    const hits = findAll(s, delims, matchMode !== 0);
    const parts: string[] = [];
    let last = 0;
    for (const hit of hits) {
      parts.push(s.slice(last, hit.index));
      last = hit.index + hit.length;
    }
    parts.push(s.slice(last));
    return ignoreEmpty ? parts.filter((p) => p !== "") : parts;
  };
  const rows = rowDelims.length ? split(text, rowDelims) : [text];
  const grid: Scalar[][] = rows.map((row) => (colDelims.length ? split(row, colDelims) : [row]));
  const width = Math.max(1, ...grid.map((r) => r.length));
  if (grid.length === 0) return Errors.CALC;
  return arrayOf(grid.map((r) => [...r, ...Array<Scalar>(width - r.length).fill(padWith)]));
}

function regexOf(pattern: string, caseSensitivity = 0, global = false): RegExp | ExcelError {
  try {
    return new RegExp(pattern, `${caseSensitivity === 1 ? "i" : ""}${global ? "g" : ""}`);
  } catch {
    return Errors.VALUE;
  }
}

export const textSearchFunctions: FunctionSpec[] = [
  { name: "FIND", minArgs: 2, maxArgs: 3, args: ["string", "string", "number"], impl: (_ctx: EvalContext, a: string, b: string, s?: number) => find(a, b, s) },
  { name: "FINDB", minArgs: 2, maxArgs: 3, args: ["string", "string", "number"], impl: (_ctx: EvalContext, a: string, b: string, s?: number) => find(a, b, s) },
  { name: "SEARCH", minArgs: 2, maxArgs: 3, args: ["string", "string", "number"], impl: (_ctx: EvalContext, a: string, b: string, s?: number) => search(a, b, s) },
  { name: "SEARCHB", minArgs: 2, maxArgs: 3, args: ["string", "string", "number"], impl: (_ctx: EvalContext, a: string, b: string, s?: number) => search(a, b, s) },
  {
    name: "TEXTBEFORE",
    minArgs: 2,
    maxArgs: 6,
    args: ["string", "any", "scalar", "number", "number", "any"],
    impl: (ctx: EvalContext, text: string, delimiter: Value, ...rest: [Scalar?, number?, number?, Value?]) =>
      textAround(ctx, true, text, delimiter, ...rest),
  },
  {
    name: "TEXTAFTER",
    minArgs: 2,
    maxArgs: 6,
    args: ["string", "any", "scalar", "number", "number", "any"],
    impl: (ctx: EvalContext, text: string, delimiter: Value, ...rest: [Scalar?, number?, number?, Value?]) =>
      textAround(ctx, false, text, delimiter, ...rest),
  },
  {
    name: "TEXTSPLIT",
    minArgs: 2,
    maxArgs: 6,
    args: ["string", "any", "any", "boolean", "number", "scalar"],
    noLift: true,
    impl: (ctx: EvalContext, text: string, col: Value, row?: Value, ignoreEmpty?: boolean, mode?: number, pad?: Scalar) =>
      textSplit(ctx, text, col, row, ignoreEmpty, mode, pad ?? Errors.NA),
  },
  {
    name: "REGEXTEST",
    minArgs: 2,
    maxArgs: 3,
    args: ["string", "string", "number"],
    impl: (_ctx: EvalContext, text: string, pattern: string, caseSensitivity?: number) => {
      const regex = regexOf(pattern, caseSensitivity);
      return regex instanceof ExcelError ? regex : regex.test(text);
    },
  },
  {
    name: "REGEXEXTRACT",
    minArgs: 2,
    maxArgs: 4,
    args: ["string", "string", "number", "number"],
    impl: (_ctx: EvalContext, text: string, pattern: string, mode = 0, caseSensitivity?: number) => {
      const regex = regexOf(pattern, caseSensitivity, mode === 1);
      if (regex instanceof ExcelError) return regex;
      if (mode === 1) {
        const all = [...text.matchAll(regex)].map((m) => [m[0]]);
        return all.length ? arrayOf(all) : Errors.NA;
      }
      const match = regex.exec(text);
      if (!match) return Errors.NA;
      if (mode === 2) return match.length > 1 ? arrayOf([match.slice(1).map((g) => g ?? "")]) : Errors.NA;
      return match[0];
    },
  },
  {
    name: "REGEXREPLACE",
    minArgs: 3,
    maxArgs: 5,
    args: ["string", "string", "string", "number", "number"],
    impl: (_ctx: EvalContext, text: string, pattern: string, replacement: string, occurrence = 0, caseSensitivity?: number) => {
      const regex = regexOf(pattern, caseSensitivity, true);
      if (regex instanceof ExcelError) return regex;
      const n = Math.trunc(occurrence);
      if (n === 0) return text.replace(regex, replacement);
      const matches = [...text.matchAll(regex)];
      const target = n > 0 ? matches[n - 1] : matches[matches.length + n];
      if (!target || target.index === undefined) return text;
      const single = new RegExp(regex.source, regex.flags.replace("g", ""));
      const replaced = target[0].replace(single, replacement);
      return text.slice(0, target.index) + replaced + text.slice(target.index + target[0].length);
    },
  },
];
