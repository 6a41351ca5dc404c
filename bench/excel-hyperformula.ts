/** HyperFormula on the same workbook model, for the benchmark's comparison. */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseCellAddress } from "@/lib/excel/formula/references";
import type { Workbook } from "@/lib/excel/workbook/model";
import { ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

export interface HfBook {
  readonly hf: HyperFormula;
  readonly sheetIds: Map<string, number>;
}

const IDENT_CHAR = /[A-Za-z0-9_.\\$!]/;

/**
 * HyperFormula has no boolean literals (`=VLOOKUP(1,A1:B2,2,FALSE)` is #NAME? there): it spells them as
 * the functions TRUE() and FALSE(). Rewrites bare TRUE/FALSE outside strings and quoted sheet names.
 */
export function hfFormulaText(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = /^(TRUE|FALSE)(?![A-Za-z0-9_.(!\\])/i.exec(formula.slice(i, i + 6));
    if (word && (i === 0 || !IDENT_CHAR.test(formula[i - 1] as string))) {
      out += `${word[1] as string}()`;
      i += (word[1] as string).length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function content(value: Scalar, formula: string | undefined): RawCellContent {
  if (formula !== undefined) return `=${hfFormulaText(formula)}`;
  if (value instanceof ExcelError) return value.code;
  return value;
}

export function buildHyperFormula(workbook: Workbook): HfBook {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of workbook.sheets) {
    const rows: RawCellContent[][] = [];
    for (const [address, cell] of sheet.cells) {
      const pos = parseCellAddress(address);
      if (!pos) continue;
      const row = (rows[pos.row] ??= []);
      if (cell.formula === undefined && cell.value === null) continue;
      row[pos.col] = content(cell.value, cell.formula);
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets[sheet.name] = rows;
  }
  const names = workbook.names
    .filter((n) => !n.name.startsWith("_xlnm"))
    .map((n) => ({ name: n.name, expression: `=${hfFormulaText(n.formula)}`, ...(n.scope !== undefined && { scope: workbook.sheets.findIndex((s) => s.name === n.scope) }) }));
  const config = { licenseKey: "gpl-v3", leapYear1900: true, evaluateNullToZero: true, useArrayArithmetic: true, nullDate: { year: 1899, month: 12, day: 30 } };
  let hf: HyperFormula;
  try {
    hf = HyperFormula.buildFromSheets(sheets, config, names);
  } catch {
    hf = HyperFormula.buildFromSheets(sheets, config);
  }
  const sheetIds = new Map<string, number>();
  for (const sheet of workbook.sheets) {
    const id = hf.getSheetId(sheet.name);
    if (id !== undefined) sheetIds.set(sheet.name, id);
  }
  return { hf, sheetIds };
}

export function hfValue(book: HfBook, sheet: string, row: number, col: number): Scalar {
  const id = book.sheetIds.get(sheet);
  if (id === undefined) return ExcelError.of("#REF!");
  const v = book.hf.getCellValue({ sheet: id, row, col });
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const code = (v as { value?: string }).value ?? "#VALUE!";
  return isErrorCode(code) ? ExcelError.of(code) : ExcelError.of("#VALUE!");
}
