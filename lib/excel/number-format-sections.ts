/**
 * Tokenizing Excel number format codes: sections split by ";", conditions like [>100], colours and
 * locale tags dropped, quoted text and escapes turned into literals.
 */

export type FormatToken =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "digit"; readonly char: "0" | "#" | "?" }
  | { readonly kind: "point" }
  | { readonly kind: "comma" }
  | { readonly kind: "percent" }
  | { readonly kind: "exponent"; readonly sign: "+" | "-"; readonly upper: boolean }
  | { readonly kind: "slash" }
  | { readonly kind: "text" }
  | { readonly kind: "general" }
  | { readonly kind: "date"; readonly code: string }
  | { readonly kind: "elapsed"; readonly unit: "h" | "m" | "s"; readonly width: number }
  | { readonly kind: "ampm"; readonly style: string }
  | { readonly kind: "subsecond"; readonly digits: number };

export interface Condition {
  readonly op: "<" | ">" | "=" | "<=" | ">=" | "<>";
  readonly value: number;
}

export interface FormatSection {
  readonly tokens: FormatToken[];
  readonly condition?: Condition;
  readonly isDate: boolean;
  readonly hasText: boolean;
}

/** Splits a format code into sections at ";" outside quotes, brackets and escapes. */
export function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (!quoted && !bracket && (ch === "\\" || ch === "_" || ch === "*")) {
      current += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === "[" && !quoted) bracket = true;
    else if (ch === "]" && !quoted) bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?[\d.]+(?:e[+-]?\d+)?)\]/i;
const DATE_RUN = /^(yyyy|yyy|yy|y|ee|e|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|bbbb|bb|gg?g?)/i;

function pushLiteral(tokens: FormatToken[], text: string): void {
  const last = tokens[tokens.length - 1];
  if (last?.kind === "literal") tokens[tokens.length - 1] = { kind: "literal", text: last.text + text };
  else tokens.push({ kind: "literal", text });
}

function readBracket(section: string, i: number, tokens: FormatToken[]): { next: number; condition?: Condition } {
  const end = section.indexOf("]", i);
  if (end < 0) return { next: section.length };
  const body = section.slice(i + 1, end);
  const condition = CONDITION.exec(section.slice(i, end + 1));
  if (condition) return { next: end + 1, condition: { op: condition[1] as Condition["op"], value: Number(condition[2]) } };
  const elapsed = /^(h+|m+|s+)$/i.exec(body);
  if (elapsed) {
    const unit = (body[0] as string).toLowerCase() as "h" | "m" | "s";
    tokens.push({ kind: "elapsed", unit, width: body.length });
  } else if (body.startsWith("$")) {
    const symbol = body.slice(1).split("-")[0] ?? "";
    if (symbol) pushLiteral(tokens, symbol);
  }
  return { next: end + 1 };
}

/** Tokenizes one section. */
export function parseSection(section: string): FormatSection {
  const tokens: FormatToken[] = [];
  let condition: Condition | undefined;
  let i = 0;
  while (i < section.length) {
    const ch = section[i] as string;
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      pushLiteral(tokens, section.slice(i + 1, stop));
      i = stop + 1;
    } else if (ch === "\\") {
      pushLiteral(tokens, section[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      pushLiteral(tokens, " ");
      i += 2;
    } else if (ch === "*") {
      i += 2;
    } else if (ch === "[") {
      const read = readBracket(section, i, tokens);
      condition = read.condition ?? condition;
      i = read.next;
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += 7;
    } else if (/^(am\/pm|a\/p)/i.test(rest)) {
      const style = /^am\/pm/i.test(rest) ? rest.slice(0, 5) : rest.slice(0, 3);
      tokens.push({ kind: "ampm", style });
      i += style.length;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", char: ch });
      i++;
    } else if (ch === ".") {
      const subsecond = /^\.(0+)/.exec(rest);
      const previous = tokens.filter((t) => t.kind !== "literal").at(-1);
      const afterSeconds = previous?.kind === "date" && previous.code.toLowerCase().startsWith("s");
      const afterElapsedSeconds = previous?.kind === "elapsed" && previous.unit === "s";
      if (subsecond && (afterSeconds || afterElapsedSeconds)) {
        tokens.push({ kind: "subsecond", digits: (subsecond[1] as string).length });
        i += subsecond[0].length;
      } else {
        tokens.push({ kind: "point" });
        i++;
      }
    } else if (ch === ",") {
      tokens.push({ kind: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
      pushLiteral(tokens, "%");
      i++;
    } else if (/^e[+-]/i.test(rest) && !tokens.some((t) => t.kind === "date")) {
      tokens.push({ kind: "exponent", sign: rest[1] as "+" | "-", upper: ch === "E" });
      i += 2;
    } else if (ch === "/") {
      tokens.push({ kind: "slash" });
      i++;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
      i++;
    } else if (DATE_RUN.test(rest)) {
      const code = (DATE_RUN.exec(rest) as RegExpExecArray)[0];
      tokens.push({ kind: "date", code });
      i += code.length;
    } else {
      pushLiteral(tokens, ch);
      i++;
    }
  }
  const isDate = tokens.some((t) => t.kind === "date" || t.kind === "elapsed" || t.kind === "ampm");
  return { tokens, condition, isDate, hasText: tokens.some((t) => t.kind === "text") };
}

export function conditionHolds(condition: Condition, n: number): boolean {
  switch (condition.op) {
    case "<":
      return n < condition.value;
    case ">":
      return n > condition.value;
    case "=":
      return n === condition.value;
    case "<=":
      return n <= condition.value;
    case ">=":
      return n >= condition.value;
    case "<>":
      return n !== condition.value;
  }
}
