/** Parses the bracketed part of a structured table reference: `Table1[...]`. */
import { FormulaSyntaxError, type StructuredNode, type StructuredSpecial } from "@/lib/excel/formula/ast";

const SPECIALS: Record<string, StructuredSpecial> = {
  "#all": "#All",
  "#data": "#Data",
  "#headers": "#Headers",
  "#totals": "#Totals",
  "#this row": "#This Row",
};

/** Reads an item up to its closing `]`, honouring the `'` escape; returns text and the position after `]`. */
function readItem(text: string, pos: number): { item: string; end: number; literal: boolean } {
  let out = "";
  let i = pos;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      out += text[i + 1] ?? "";
      i += 2;
    } else if (ch === "]") {
      return { item: out, end: i + 1, literal: text[pos] === "'" };
    } else {
      out += ch;
      i++;
    }
  }
  throw new FormulaSyntaxError("Unclosed structured reference", pos);
}

function skipSpaces(text: string, pos: number): number {
  let i = pos;
  while (text[i] === " ") i++;
  return i;
}

/** `pos` is just after the opening `[`. */
export function parseStructured(
  text: string,
  pos: number,
  table: string | undefined,
): { node: StructuredNode; end: number } {
  const specials: StructuredSpecial[] = [];
  const columns: string[] = [];
  const classify = (raw: string, at: number, literal: boolean): void => {
    const trimmed = raw.trim();
    if (literal) {
      columns.push(raw);
    } else if (trimmed.startsWith("#")) {
      const special = SPECIALS[trimmed.toLowerCase()];
      if (!special) throw new FormulaSyntaxError(`Unknown table item ${trimmed}`, at);
      specials.push(special);
    } else if (trimmed.startsWith("@")) {
      specials.push("#This Row");
      if (trimmed.length > 1) columns.push(trimmed.slice(1));
    } else {
      columns.push(raw);
    }
  };
  let i = skipSpaces(text, pos);
  if (text[i] === "]") {
    i++;
  } else if (text[i] === "@" && text[i + 1] === "[") {
    specials.push("#This Row");
    const { item, end } = readItem(text, i + 2);
    columns.push(item);
    i = skipSpaces(text, end);
    if (text[i] === ":" && text[i + 1] === "[") {
      const last = readItem(text, i + 2);
      columns.push(last.item);
      i = skipSpaces(text, last.end);
    }
    if (text[i] !== "]") throw new FormulaSyntaxError("Expected ] in structured reference", i);
    i++;
  } else if (text[i] === "[") {
    for (;;) {
      i = skipSpaces(text, i);
      if (text[i] === "@" && text[i + 1] === "[") {
        specials.push("#This Row");
        i++;
      }
      if (text[i] !== "[") throw new FormulaSyntaxError("Expected [ in structured reference", i);
      const { item, end, literal } = readItem(text, i + 1);
      classify(item, i, literal);
      i = skipSpaces(text, end);
      const sep = text[i];
      if (sep === "," || sep === ":") {
        i++;
        continue;
      }
      if (sep === "]") {
        i++;
        break;
      }
      throw new FormulaSyntaxError("Malformed structured reference", i);
    }
  } else {
    const { item, end, literal } = readItem(text, i);
    classify(item, i, literal);
    i = end;
  }
  if (columns.length > 2) throw new FormulaSyntaxError("Too many columns in structured reference", pos);
  return {
    node: { type: "structured", table, specials, firstColumn: columns[0], lastColumn: columns[1] ?? columns[0] },
    end: i,
  };
}
