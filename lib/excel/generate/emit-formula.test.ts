import { describe, expect, it } from "vitest";
import * as builders from "@/lib/excel/generate/runtime/formula-builders";
import { BUILDER_NAMES, emitFormula } from "@/lib/excel/generate/emit-formula";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { ExcelError } from "@/lib/excel/values";

const FORMULAS = [
  "PMT(B3/12,B4*12,-B2)",
  "SUM(Sheet2!A1:B10,'My sheet'!C:C,3:5)",
  'IF(A1="x",TRUE,#N/A)&"a""b"',
  "{1,2;3,\"t\"}+{TRUE,#DIV/0!}",
  "SUM(Sheet1:Sheet3!A1)",
  "Sales[Amount]+Sales[[#Totals],[Qty]:[Price]]",
  "TaxRate*Sheet1!Local",
  "LET(x,A1,LAMBDA(y,x+y)(2))",
  "-A1%^2>=+B1",
  "@A1:A10",
  "A1#",
  "A1:INDEX(B:B,3)",
  "(A1:B2 B2:C3)",
  "SUM((A1,B2))",
  "IF(,1,)",
  "[1]Sheet1!A1",
  "0.5",
  '"text"',
];

function evaluate(code: string): unknown {
  const names = [...BUILDER_NAMES];
  const values = names.map((n) => (builders as Record<string, unknown>)[n]);
  return new Function(...names, "ExcelError", `return ${code};`)(...values, ExcelError);
}

describe("emitFormula", () => {
  it.each(FORMULAS)("writes builder code that rebuilds the syntax tree of %s", (formula) => {
    const tree = parseFormula(formula);
    const code = emitFormula(tree);
    expect(evaluate(code)).toEqual(tree);
  });

  it("writes readable code for arithmetic and calls", () => {
    expect(emitFormula(parseFormula("PMT(B3/12,B4*12,-B2)"))).toBe('call("PMT", div(ref("B3"), 12), mul(ref("B4"), 12), neg(ref("B2")))');
  });
});
