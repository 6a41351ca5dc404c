/**
 * Recursive-descent (Pratt) parser for Excel formulas. Precedence, from loosest to tightest:
 * comparison, `&`, `+ -`, `* /`, `^` (left-associative), `%`, unary `- + @`, then the reference
 * operators (union `,` inside parentheses, intersection ` `, range `:`).
 */
import { type BinaryOperator, type FormulaNode, FormulaSyntaxError } from "@/lib/excel/formula/ast";
import { parseStructured } from "@/lib/excel/formula/parse-structured";
import { scanReference, type TrimOperator } from "@/lib/excel/formula/scan-reference";
import { ERROR_CODES, type ErrorCode, ExcelError, type Scalar } from "@/lib/excel/values";

const BINARY: Record<string, { op: BinaryOperator; bp: number }> = {
  "=": { op: "=", bp: 10 },
  "<>": { op: "<>", bp: 10 },
  "<": { op: "<", bp: 10 },
  ">": { op: ">", bp: 10 },
  "<=": { op: "<=", bp: 10 },
  ">=": { op: ">=", bp: 10 },
  "&": { op: "&", bp: 20 },
  "+": { op: "+", bp: 30 },
  "-": { op: "-", bp: 30 },
  "*": { op: "*", bp: 40 },
  "/": { op: "/", bp: 40 },
  "^": { op: "^", bp: 50 },
};
const PERCENT_BP = 60;
const UNARY_BP = 70;
const INTERSECT_BP = 80;
const RANGE_BP = 90;

const ERRORS_LONGEST_FIRST = [...ERROR_CODES].sort((a, b) => b.length - a.length);
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const IDENT = /[A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\?\u00A1-\uFFFF]*/y;
const SHEET_IDENT = /[A-Za-z0-9_\u00A1-\uFFFF][A-Za-z0-9_.\u00A1-\uFFFF]*/y;
const FUNCTION_PREFIX = /^(?:_xlfn\.|_xlws\.|_xludf\.)+/i;

/** A range written with a trim operator (`A1:.A10`) is the call Excel stores for it (`_TRO_TRAILING(A1:A10)`). */
function withTrim(ref: { node: FormulaNode; trim?: TrimOperator }): FormulaNode {
  return ref.trim ? { type: "call", name: ref.trim, args: [ref.node] } : ref.node;
}

/** `_xlfn.ANCHORARRAY(A1)` is how a file stores the spill operator `A1#`. */
function anchorArray(call: FormulaNode & { type: "call" }): FormulaNode {
  const [ref] = call.args;
  if (call.name !== "ANCHORARRAY" || call.args.length !== 1 || (ref?.type !== "ref" && ref?.type !== "name")) return call;
  return { type: "spill", ref };
}

/** Strips `_xlfn.`/`_xlws.` prefixes and upper-cases a function name. */
export function normalizeFunctionName(name: string): string {
  return name.replace(FUNCTION_PREFIX, "").toUpperCase();
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): FormulaNode {
    const node = this.expression(0, false);
    this.skipWs();
    if (this.pos < this.text.length) this.fail(`Unexpected "${this.text[this.pos]}"`);
    return node;
  }

  private fail(message: string): never {
    throw new FormulaSyntaxError(message, this.pos);
  }

  private skipWs(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && " \t\r\n\u00A0".includes(this.text[this.pos] ?? "")) this.pos++;
    return this.pos > start;
  }

  private startsOperand(): boolean {
    const ch = this.text[this.pos];
    return ch !== undefined && /[A-Za-z_$'(\\[0-9\u00A1-\uFFFF]/.test(ch);
  }

  private expression(minBp: number, union: boolean): FormulaNode {
    let left = this.prefix();
    for (;;) {
      const hadWs = this.skipWs();
      const ch = this.text[this.pos];
      if (ch === undefined) return left;
      if (hadWs && this.startsOperand() && INTERSECT_BP >= minBp) {
        const right = this.expression(INTERSECT_BP + 1, false);
        left = { type: "intersect", left, right };
        continue;
      }
      if (ch === ":" && RANGE_BP >= minBp) {
        this.pos++;
        const right = this.expression(RANGE_BP + 1, false);
        left = { type: "range", left, right };
        continue;
      }
      if (ch === "%" && PERCENT_BP >= minBp) {
        this.pos++;
        left = { type: "percent", arg: left };
        continue;
      }
      if (ch === "," && union && minBp === 0) {
        const items = [left];
        while (this.text[this.pos] === ",") {
          this.pos++;
          items.push(this.expression(1, false));
          this.skipWs();
        }
        left = { type: "union", items };
        continue;
      }
      const two = this.text.slice(this.pos, this.pos + 2);
      const info = BINARY[two] ?? BINARY[ch];
      if (!info || info.bp < minBp) return left;
      this.pos += info.op.length;
      const right = this.expression(info.bp + 1, false);
      left = { type: "binary", op: info.op, left, right };
    }
  }

  private prefix(): FormulaNode {
    this.skipWs();
    const ch = this.text[this.pos];
    if (ch === "-" || ch === "+" || ch === "@") {
      this.pos++;
      return { type: "unary", op: ch, arg: this.expression(UNARY_BP, false) };
    }
    return this.postfixSpill(this.primary());
  }

  private postfixSpill(node: FormulaNode): FormulaNode {
    if (this.text[this.pos] === "#" && (node.type === "ref" || node.type === "name")) {
      this.pos++;
      return { type: "spill", ref: node };
    }
    return node;
  }

  private primary(): FormulaNode {
    const { text } = this;
    const ch = text[this.pos];
    if (ch === undefined) this.fail("Unexpected end of formula");
    if (ch === "(") {
      this.pos++;
      const inner = this.expression(0, true);
      this.skipWs();
      if (text[this.pos] !== ")") this.fail("Expected )");
      this.pos++;
      return inner;
    }
    if (ch === "{") return this.arrayConstant();
    if (ch === '"') return { type: "string", value: this.stringLiteral() };
    if (ch === "#") return { type: "error", code: this.errorLiteral() };
    if (ch === "'") {
      const { sheet, sheetEnd } = this.quotedSheet();
      return this.afterSheet(sheet, sheetEnd);
    }
    if (ch === "[") return this.bracketed();
    const ref = scanReference(text, this.pos, undefined, undefined);
    if (ref) {
      this.pos = ref.end;
      return withTrim(ref);
    }
    if ((ch >= "0" && ch <= "9") || ch === ".") {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(text);
      if (!m) this.fail("Bad number");
      this.pos = NUMBER.lastIndex;
      return { type: "number", value: Number(m[0]) };
    }
    return this.identifier();
  }

  private identifier(): FormulaNode {
    const { text } = this;
    const sheetish = this.tryUnquotedSheet();
    if (sheetish) return this.afterSheet(sheetish.sheet, sheetish.sheetEnd);
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(text);
    if (!m) this.fail(`Unexpected "${text[this.pos]}"`);
    const name = m[0];
    this.pos = IDENT.lastIndex;
    const next = text[this.pos];
    if (next === "(") {
      this.pos++;
      let node: FormulaNode = anchorArray({ type: "call", name: normalizeFunctionName(name), args: this.callArguments() });
      while (this.text[this.pos] === "(") {
        this.pos++;
        node = { type: "invoke", callee: node, args: this.callArguments() };
      }
      return node;
    }
    if (next === "[") {
      this.pos++;
      const { node, end } = parseStructured(text, this.pos, name);
      this.pos = end;
      return node;
    }
    const upper = name.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { type: "boolean", value: upper === "TRUE" };
    // A LAMBDA's optional parameter is stored `_xlop.b` where it is declared and `_xlpm.b` where it is used.
    return { type: "name", name: name.replace(/^_xlop\./i, "_xlpm."), sheet: undefined };
  }

  /** `Sheet1!` or `Sheet1:Sheet3!` without quotes. */
  private tryUnquotedSheet(): { sheet: string; sheetEnd: string | undefined } | undefined {
    SHEET_IDENT.lastIndex = this.pos;
    const first = SHEET_IDENT.exec(this.text);
    if (!first) return undefined;
    let end = SHEET_IDENT.lastIndex;
    let sheetEnd: string | undefined;
    if (this.text[end] === ":") {
      SHEET_IDENT.lastIndex = end + 1;
      const second = SHEET_IDENT.exec(this.text);
      if (second && this.text[SHEET_IDENT.lastIndex] === "!") {
        sheetEnd = second[0];
        end = SHEET_IDENT.lastIndex;
      }
    }
    if (this.text[end] !== "!") return undefined;
    this.pos = end + 1;
    return { sheet: first[0], sheetEnd };
  }

  private quotedSheet(): { sheet: string; sheetEnd: string | undefined } {
    const raw = this.quoted("'");
    if (this.text[this.pos] !== "!") this.fail("Expected ! after sheet name");
    this.pos++;
    const colon = raw.indexOf(":");
    if (colon > 0 && !raw.startsWith("[")) return { sheet: raw.slice(0, colon), sheetEnd: raw.slice(colon + 1) };
    return { sheet: raw, sheetEnd: undefined };
  }

  private afterSheet(sheet: string, sheetEnd: string | undefined): FormulaNode {
    if (/^\[[^\]]*\]/.test(sheet)) return this.externalRest(sheet);
    if (this.text.startsWith("#REF!", this.pos)) {
      this.pos += 5;
      return { type: "error", code: "#REF!" };
    }
    const ref = scanReference(this.text, this.pos, sheet, sheetEnd);
    if (ref) {
      this.pos = ref.end;
      return withTrim(ref);
    }
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.text);
    if (!m) this.fail("Expected a reference after the sheet name");
    this.pos = IDENT.lastIndex;
    return { type: "name", name: m[0], sheet };
  }

  /** Consumes the rest of an external reference (`[1]Sheet1!A1:B2` or `[1]!Name`) as opaque text. */
  private externalRest(prefix: string): FormulaNode {
    const start = this.pos;
    const ref = scanReference(this.text, this.pos, undefined, undefined);
    if (ref) this.pos = ref.end;
    else {
      IDENT.lastIndex = this.pos;
      if (IDENT.exec(this.text)) this.pos = IDENT.lastIndex;
    }
    return { type: "external", text: `${prefix}!${this.text.slice(start, this.pos)}` };
  }

  private bracketed(): FormulaNode {
    const close = this.text.indexOf("]", this.pos);
    const inner = close > 0 ? this.text.slice(this.pos + 1, close) : "";
    if (close > 0 && /^[^@#[\]']*$/.test(inner) && /^[0-9]+$|[\\/.]/.test(inner)) {
      const bang = this.text.indexOf("!", close + 1);
      if (bang < 0) this.fail("Bad external reference");
      const prefix = this.text.slice(this.pos, bang);
      this.pos = bang + 1;
      return this.externalRest(prefix);
    }
    this.pos++;
    const { node, end } = parseStructured(this.text, this.pos, undefined);
    this.pos = end;
    return node;
  }

  private callArguments(): FormulaNode[] {
    const args: FormulaNode[] = [];
    this.skipWs();
    if (this.text[this.pos] === ")") {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipWs();
      const ch = this.text[this.pos];
      if (ch === "," || ch === ")") args.push({ type: "missing" });
      else args.push(this.expression(0, false));
      this.skipWs();
      const sep = this.text[this.pos];
      this.pos++;
      if (sep === ")") return args;
      if (sep !== ",") this.fail("Expected , or ) in function arguments");
    }
  }

  private quoted(quote: string): string {
    let out = "";
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail("Unterminated text");
      this.pos++;
      if (ch === quote) {
        if (this.text[this.pos] !== quote) return out;
        this.pos++;
      }
      out += ch;
    }
  }

  private stringLiteral(): string {
    return this.quoted('"');
  }

  private errorLiteral(): ErrorCode {
    const upper = this.text.slice(this.pos, this.pos + 14).toUpperCase();
    const code = ERRORS_LONGEST_FIRST.find((c) => upper.startsWith(c));
    if (!code) this.fail("Unknown error literal");
    this.pos += code.length;
    return code;
  }

  private arrayConstant(): FormulaNode {
    this.pos++;
    const rows: Scalar[][] = [[]];
    for (;;) {
      this.skipWs();
      (rows[rows.length - 1] as Scalar[]).push(this.arrayElement());
      this.skipWs();
      const sep = this.text[this.pos++];
      if (sep === "}") break;
      if (sep === ";") rows.push([]);
      else if (sep !== ",") this.fail("Expected , ; or } in array constant");
    }
    const width = rows[0]?.length ?? 0;
    if (rows.some((r) => r.length !== width)) this.fail("Array constant rows differ in length");
    return { type: "array", rows };
  }

  private arrayElement(): Scalar {
    const ch = this.text[this.pos];
    if (ch === '"') return this.stringLiteral();
    if (ch === "#") return ExcelError.of(this.errorLiteral());
    let sign = 1;
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      this.pos++;
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m) {
      this.pos = NUMBER.lastIndex;
      return sign * Number(m[0]);
    }
    const word = /TRUE|FALSE/iy;
    word.lastIndex = this.pos;
    const w = word.exec(this.text);
    if (w && sign === 1) {
      this.pos = word.lastIndex;
      return w[0].toUpperCase() === "TRUE";
    }
    this.fail("Bad array constant element");
  }
}

export function parseFormula(formula: string): FormulaNode {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  return new Parser(text).parse();
}
