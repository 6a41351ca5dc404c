/** Text functions: joining, slicing, case, cleaning, character codes. */
import { toText } from "@/lib/excel/coerce";
import { flattenValue } from "@/lib/excel/functions/collect";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

export const MAX_TEXT = 32767;

type Text = string | ExcelError;

function checked(text: string): Text {
  return text.length > MAX_TEXT ? Errors.VALUE : text;
}

function textSpec(name: string, arity: [number, number], fn: (...args: never[]) => Text | number | boolean, kinds: FunctionSpec["args"] = ["string"]): FunctionSpec {
  return { name, minArgs: arity[0], maxArgs: arity[1], args: kinds, impl: (_ctx: EvalContext, ...args: never[]) => fn(...args) };
}

/** Windows-1252 characters for codes 128-159 (CHAR/CODE use the ANSI code page). */
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function charOf(code: number): string {
  return code >= 128 && code <= 159 ? (CP1252[code - 128] as string) : String.fromCharCode(code);
}

function codeOf(ch: string): number {
  const index = CP1252.indexOf(ch);
  if (index >= 0 && ch.charCodeAt(0) > 255) return 128 + index;
  const code = ch.charCodeAt(0);
  return code > 255 ? 63 : code;
}

function left(text: string, count = 1): Text {
  return count < 0 ? Errors.VALUE : text.slice(0, Math.trunc(count));
}

function right(text: string, count = 1): Text {
  const n = Math.trunc(count);
  if (n < 0) return Errors.VALUE;
  return n === 0 ? "" : text.slice(Math.max(0, text.length - n));
}

function mid(text: string, start: number, count: number): Text {
  const s = Math.trunc(start);
  const n = Math.trunc(count);
  if (s < 1 || n < 0) return Errors.VALUE;
  return text.slice(s - 1, s - 1 + n);
}

function replace(text: string, start: number, count: number, insert: string): Text {
  const s = Math.trunc(start);
  const n = Math.trunc(count);
  if (s < 1 || n < 0) return Errors.VALUE;
  return checked(text.slice(0, s - 1) + insert + text.slice(s - 1 + n));
}

function proper(text: string): string {
  let out = "";
  let previousIsLetter = false;
  for (const ch of text) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    out += isLetter ? (previousIsLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousIsLetter = isLetter;
  }
  return out;
}

function substitute(text: string, search: string, replacement: string, instance?: number): Text {
  if (search === "") return text;
  if (instance === undefined) return checked(text.split(search).join(replacement));
  const nth = Math.trunc(instance);
  if (nth < 1) return Errors.VALUE;
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(search, index + (i === 0 ? 0 : search.length));
    if (index < 0) return text;
  }
  return checked(text.slice(0, index) + replacement + text.slice(index + search.length));
}

/** Text pieces of CONCAT/TEXTJOIN arguments (ranges flattened, blanks as ""). */
function textPieces(ctx: EvalContext, args: Value[]): string[] | ExcelError {
  const out: string[] = [];
  for (const arg of args) {
    for (const v of flattenValue(ctx, arg)) {
      const text = toText(v);
      if (text instanceof ExcelError) return text;
      out.push(text);
    }
  }
  return out;
}

export const textBasicFunctions: FunctionSpec[] = [
  textSpec("CONCATENATE", [1, 255], (...parts: string[]) => checked(parts.join(""))),
  {
    name: "CONCAT",
    minArgs: 1,
    maxArgs: 253,
    args: ["any"],
    impl: (ctx: EvalContext, ...args: Value[]) => {
      const pieces = textPieces(ctx, args);
      return pieces instanceof ExcelError ? pieces : checked(pieces.join(""));
    },
  },
  {
    name: "TEXTJOIN",
    minArgs: 3,
    maxArgs: 252,
    args: ["any", "boolean", "any"],
    impl: (ctx: EvalContext, delimiter: Value, ignoreEmpty: boolean, ...args: Value[]) => {
      const delimiters = textPieces(ctx, [delimiter]);
      if (delimiters instanceof ExcelError) return delimiters;
      const pieces = textPieces(ctx, args);
      if (pieces instanceof ExcelError) return pieces;
      const kept = ignoreEmpty ? pieces.filter((p) => p !== "") : pieces;
      let out = kept[0] ?? "";
      for (let i = 1; i < kept.length; i++) out += (delimiters[(i - 1) % delimiters.length] ?? "") + (kept[i] as string);
      return checked(out);
    },
  },
  textSpec("LEFT", [1, 2], left, ["string", "number"]),
  textSpec("LEFTB", [1, 2], left, ["string", "number"]),
  textSpec("RIGHT", [1, 2], right, ["string", "number"]),
  textSpec("RIGHTB", [1, 2], right, ["string", "number"]),
  textSpec("MID", [3, 3], mid, ["string", "number", "number"]),
  textSpec("MIDB", [3, 3], mid, ["string", "number", "number"]),
  textSpec("LEN", [1, 1], (text: string) => text.length),
  textSpec("LENB", [1, 1], (text: string) => text.length),
  textSpec("REPLACE", [4, 4], replace, ["string", "number", "number", "string"]),
  textSpec("REPLACEB", [4, 4], replace, ["string", "number", "number", "string"]),
  textSpec("SUBSTITUTE", [3, 4], substitute, ["string", "string", "string", "number"]),
  textSpec("UPPER", [1, 1], (text: string) => text.toUpperCase()),
  textSpec("LOWER", [1, 1], (text: string) => text.toLowerCase()),
  textSpec("PROPER", [1, 1], proper),
  textSpec("TRIM", [1, 1], (text: string) => text.replace(/ +/g, " ").replace(/^ | $/g, "")),
  textSpec("CLEAN", [1, 1], (text: string) => text.replace(/[\x00-\x1f]/g, "")),
  textSpec(
    "REPT",
    [2, 2],
    (text: string, times: number) => {
      const n = Math.trunc(times);
      if (n < 0 || text.length * n > MAX_TEXT) return Errors.VALUE;
      return text.repeat(n);
    },
    ["string", "number"],
  ),
  textSpec("EXACT", [2, 2], (a: string, b: string) => a === b),
  textSpec(
    "CHAR",
    [1, 1],
    (n: number) => {
      const code = Math.trunc(n);
      return code < 1 || code > 255 ? Errors.VALUE : charOf(code);
    },
    ["number"],
  ),
  textSpec("CODE", [1, 1], (text: string) => (text === "" ? Errors.VALUE : codeOf(text[0] as string))),
  textSpec(
    "UNICHAR",
    [1, 1],
    (n: number) => {
      const code = Math.trunc(n);
      if (code < 1 || code > 0x10ffff) return Errors.VALUE;
      if (code >= 0xd800 && code <= 0xdfff) return Errors.NA;
      return String.fromCodePoint(code);
    },
    ["number"],
  ),
  textSpec("UNICODE", [1, 1], (text: string) => (text === "" ? Errors.VALUE : (text.codePointAt(0) as number))),
  textSpec("ASC", [1, 1], (text: string) => text),
  textSpec("DBCS", [1, 1], (text: string) => text),
  textSpec("JIS", [1, 1], (text: string) => text),
];
