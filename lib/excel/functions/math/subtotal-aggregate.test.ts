import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { itFormulas } from "@/test/excel/formula-cases";
import { workbookFromCells } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";
import type { SheetModel } from "@/lib/excel/workbook/model";

const cells = {
  A1: 120, A2: 10, A3: 150, A4: 23, A5: "=SUBTOTAL(9,A1:A4)", A6: "=AGGREGATE(9,0,A1:A4)",
  B1: "#DIV/0!", B2: 72, B3: 30, B4: "#NUM!", B5: 31, B6: 96, B7: 32, B8: 81, B9: 33, B10: 53,
};

describe("SUBTOTAL skips nested subtotals", () => {
  itFormulas(
    [
      ["SUBTOTAL(9,A1:A4)", 303],
      ["SUBTOTAL(9,A1:A6)", 303],
      ["SUBTOTAL(109,A1:A6)", 303],
      ["SUBTOTAL(1,A1:A4)", 75.75],
      ["SUBTOTAL(2,A1:A6)", 4],
      ["SUBTOTAL(4,A1:A4)", 150],
      ["SUBTOTAL(5,A1:A4)", 10],
      ["SUBTOTAL(6,A1:A2)", 1200],
      ["SUBTOTAL(9,A1:A2,A3:A4)", 303],
      ["SUBTOTAL(12,A1:A4)", Errors.VALUE],
    ],
    cells,
  );
});

describe("AGGREGATE (Microsoft's examples)", () => {
  itFormulas(
    [
      ["AGGREGATE(4,6,B1:B10)", 96],
      ["AGGREGATE(14,6,B1:B10,3)", 72],
      ["AGGREGATE(15,6,B1:B10)", Errors.VALUE],
      ["AGGREGATE(12,6,B1:B10)", 43],
      ["AGGREGATE(12,4,B1:B10)", Errors.DIV0],
      ["AGGREGATE(9,0,A1:A6)", 303],
      ["AGGREGATE(9,4,A1:A6)", 909],
      ["AGGREGATE(16,6,B1:B10,0.5)", 43],
      ["AGGREGATE(20,0,A1:A4)", Errors.VALUE],
    ],
    cells,
  );
});

describe("hidden rows", () => {
  // Rows 2 and 4 (A2=10, A4=23) hidden, as a loaded sheet marks them.
  const hiddenCells = { A1: 120, A2: 10, A3: 150, A4: 23 };
  const evaluateWithHidden = (formula: string): unknown => {
    const workbook = workbookFromCells({ ...hiddenCells, Z100: `=${formula}` });
    const sheet = workbook.sheets[0] as SheetModel;
    const engine = createEngine({ ...workbook, sheets: [{ ...sheet, hiddenRows: [1, 3] }] });
    engine.recalculateAll();
    return engine.getValue("Sheet1!Z100");
  };
  it.each([
    ["SUBTOTAL(9,A1:A4)", 303],
    ["SUBTOTAL(109,A1:A4)", 270],
    ["SUBTOTAL(102,A1:A4)", 2],
    ["SUBTOTAL(101,A1:A4)", 135],
    ["AGGREGATE(9,4,A1:A4)", 303],
    ["AGGREGATE(9,5,A1:A4)", 270],
    ["AGGREGATE(9,1,A1:A4)", 270],
    ["AGGREGATE(14,7,A1:A4,2)", 120],
    ["AGGREGATE(14,6,A1:A4,2)", 120],
    ["AGGREGATE(14,6,A1:A4,3)", 23],
    ["AGGREGATE(14,5,A1:A4,3)", Errors.NUM],
  ])("%s", (formula, expected) => {
    expect(evaluateWithHidden(formula)).toEqual(expected);
  });
});
