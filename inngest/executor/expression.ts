/**
 * The subset of CEL (Common Expression Language) Inngest functions use in trigger expressions, `cancelOn`,
 * `waitForEvent` `if`/`match` and concurrency keys: literals, `event.data.x` / `async.data["x"]` paths,
 * `== != < <= > >=`, `&& || !`, `+ -` and parentheses. A missing field evaluates to null. Anything else is
 * refused when the function registers.
 */
export type Scope = Record<string, unknown>;
type Evaluate = (scope: Scope) => unknown;

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||[<>!+\-.()[\]]))/y;

interface Token {
  kind: "number" | "string" | "ident" | "op";
  text: string;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`Unsupported expression syntax at position ${at} in: ${source}`);
    if (match[1] !== undefined) tokens.push({ kind: "number", text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: "string", text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: "ident", text: match[3] });
    else tokens.push({ kind: "op", text: match[4] ?? "" });
  }
  return tokens;
}

const normalise = (value: unknown) => (value === undefined ? null : value);

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  "==": (a, b) => normalise(a) === normalise(b),
  "!=": (a, b) => normalise(a) !== normalise(b),
  "<": (a, b) => (a as number) < (b as number),
  "<=": (a, b) => (a as number) <= (b as number),
  ">": (a, b) => (a as number) > (b as number),
  ">=": (a, b) => (a as number) >= (b as number),
  "+": (a, b) => (a as number) + (b as number),
  "-": (a, b) => (a as number) - (b as number),
};

const LEVELS = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="], ["+", "-"]];

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  parse(): Evaluate {
    const result = this.binary(0);
    if (this.index < this.tokens.length) this.fail(`unexpected "${this.tokens[this.index]?.text}"`);
    return result;
  }

  private fail(why: string): never {
    throw new Error(`Unsupported expression (${why}): ${this.source}`);
  }

  private peek(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === "op" && token.text === text;
  }

  private expect(text: string): void {
    if (!this.peek(text)) this.fail(`expected "${text}"`);
    this.index++;
  }

  private binary(level: number): Evaluate {
    const operators = LEVELS[level];
    if (!operators) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = operators.find((candidate) => this.peek(candidate));
      if (!op) return left;
      this.index++;
      const right = this.binary(level + 1);
      const l = left;
      if (op === "&&") left = (scope) => Boolean(l(scope)) && Boolean(right(scope));
      else if (op === "||") left = (scope) => Boolean(l(scope)) || Boolean(right(scope));
      else {
        const apply = BINARY[op] as (a: unknown, b: unknown) => unknown;
        left = (scope) => apply(l(scope), right(scope));
      }
    }
  }

  private unary(): Evaluate {
    if (this.peek("!")) {
      this.index++;
      const operand = this.unary();
      return (scope) => !operand(scope);
    }
    if (this.peek("-")) {
      this.index++;
      const operand = this.unary();
      return (scope) => -(operand(scope) as number);
    }
    return this.member();
  }

  private member(): Evaluate {
    let target = this.primary();
    for (;;) {
      if (this.peek(".")) {
        this.index++;
        const name = this.tokens[this.index++];
        if (name?.kind !== "ident") this.fail("expected a field name after '.'");
        const object = target;
        target = (scope) => readField(object(scope), name.text);
      } else if (this.peek("[")) {
        this.index++;
        const key = this.binary(0);
        this.expect("]");
        const object = target;
        target = (scope) => readField(object(scope), key(scope));
      } else return target;
    }
  }

  private primary(): Evaluate {
    const token = this.tokens[this.index++];
    if (!token) this.fail("unexpected end");
    if (token.kind === "number") return constant(Number(token.text));
    if (token.kind === "string") return constant(unquote(token.text));
    if (token.kind === "ident") {
      if (token.text === "true" || token.text === "false") return constant(token.text === "true");
      if (token.text === "null") return constant(null);
      return (scope) => readField(scope, token.text);
    }
    if (token.text === "(") {
      const inner = this.binary(0);
      this.expect(")");
      return inner;
    }
    return this.fail(`unexpected "${token.text}"`);
  }
}

const constant = (value: unknown): Evaluate => () => value;

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(.)/g, (_, char: string) => ({ n: "\n", t: "\t", r: "\r" })[char] ?? char);
}

/** Own fields only: `event.data.constructor` or `__proto__` is a missing field, as in CEL, not a JavaScript internal. */
function readField(object: unknown, key: unknown): unknown {
  if (object === null || typeof object !== "object") return undefined;
  if (typeof key !== "string" && typeof key !== "number") return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

const compiled = new Map<string, Evaluate>();

/** Compiles (once) and returns the evaluator; throws with a readable message for unsupported syntax. */
export function compileExpression(source: string): Evaluate {
  let evaluate = compiled.get(source);
  if (!evaluate) {
    evaluate = new Parser(tokenize(source), source).parse();
    compiled.set(source, evaluate);
  }
  return evaluate;
}

export function evaluateExpression(source: string, scope: Scope): unknown {
  return compileExpression(source)(scope);
}
