import { describe, expect, it } from "vitest";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { evaluateFormula } from "@/test/excel/evaluate-formula";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Data in B3:C6 with a hole at C4 and a blank row 5; everything else empty (the sheet is used up to F8).
const cells = { B3: 1, C3: 2, B4: 3, C6: "x", B6: 4, F8: "far" };

describe("TRIMRANGE", () => {
  itFormulas(
    [
      ["TRIMRANGE(A1:E10)", [[1, 2], [3, 0], [0, 0], [4, "x"]]],
      ["ROWS(TRIMRANGE(A1:E10))", 4],
      ["COLUMNS(TRIMRANGE(A1:E10))", 2],
      ["ROWS(TRIMRANGE(A1:E10,0))", 10],
      ["COLUMNS(TRIMRANGE(A1:E10,,0))", 5],
      ["ROWS(TRIMRANGE(A1:E10,1))", 8],
      ["ROWS(TRIMRANGE(A1:E10,2))", 6],
      ["COLUMNS(TRIMRANGE(A1:E10,3,1))", 4],
      ["COLUMNS(TRIMRANGE(A1:E10,3,2))", 3],
      ["SUM(TRIMRANGE(B:B))", 8],
      ["ROWS(TRIMRANGE(B:B))", 4],
      ["ROWS(TRIMRANGE(B:B,1))", 1048574],
      ["TRIMRANGE(A1:E10,4)", Errors.VALUE],
      ["TRIMRANGE(A1:E10,-1)", Errors.VALUE],
      ["TRIMRANGE(H1:H9)", Errors.REF],
      ["TRIMRANGE({0,1,2})", [[0, 1, 2]]],
      ["TRIMRANGE(#N/A)", Errors.NA],
    ],
    cells,
  );
});

describe("trim-reference operators", () => {
  it("parse to the calls Excel stores", () => {
    expect(parseFormula("=A1.:.E10")).toMatchObject({ type: "call", name: "_TRO_ALL", args: [{ type: "ref", kind: "area" }] });
    expect(parseFormula("=A1:.E10")).toMatchObject({ type: "call", name: "_TRO_TRAILING" });
    expect(parseFormula("=A1.:E10")).toMatchObject({ type: "call", name: "_TRO_LEADING" });
    expect(parseFormula("=SUM(Sheet1!A:.A)")).toMatchObject({ type: "call", name: "SUM", args: [{ type: "call", name: "_TRO_TRAILING", args: [{ kind: "cols", sheet: "Sheet1" }] }] });
    expect(parseFormula("=1.:.3")).toMatchObject({ type: "call", name: "_TRO_ALL", args: [{ kind: "rows" }] });
    expect(parseFormula("=A1:E10")).toMatchObject({ type: "ref", kind: "area" });
  });

  itFormulas(
    [
      ["ROWS(A1.:.E10)", 4],
      ["ROWS(A1:.E10)", 6],
      ["ROWS(A1.:E10)", 8],
      ["COLUMNS(A.:.E)", 2],
      ["SUM(B:.B)", 8],
      ["COUNTA(_xlfn._TRO_ALL(A1:E10))", 5],
      ["ROWS(_xlfn._TRO_LEADING(A1:E10))", 8],
      ["ROWS(_xlfn._TRO_TRAILING(A1:E10))", 6],
    ],
    cells,
  );

  it("evaluates a trimmed whole column that grows with the data", () => {
    expect(evaluateFormula("SUM(B:.B)", { ...cells, B20: 10 })).toBe(18);
  });
});
