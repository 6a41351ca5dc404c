import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Microsoft's SUMIF/AVERAGEIF sample: property values and commissions.
const cells = {
  A1: 100000, B1: 7000, C1: "Apples", D1: "East",
  A2: 200000, B2: 14000, C2: "Bananas", D2: "West",
  A3: 300000, B3: 21000, C3: "apricots", D3: "East",
  A4: 400000, B4: 28000, C4: null, D4: "North",
  A5: "#N/A", B5: "#DIV/0!", C5: "", D5: "East",
  E1: "1", E2: 1, E3: true, E4: null, F1: 160000,
};

describe("SUMIF, COUNTIF, AVERAGEIF", () => {
  itFormulas(
    [
      ["SUMIF(A1:A4,\">160000\",B1:B4)", 63000],
      ["SUMIF(A1:A4,\">160000\")", 900000],
      ["SUMIF(A1:A4,300000,B1:B4)", 21000],
      ["SUMIF(A1:A4,\">\"&F1,B1:B4)", 63000],
      ["SUMIF(C1:C4,\"a*\",B1)", 28000],
      ["SUMIF(A1:A5,\">0\",B1:B5)", 70000],
      ["SUMIF(D1:D5,\"East\",B1:B5)", Errors.DIV0],
      ["COUNTIF(C1:C5,\"a*\")", 2],
      ["COUNTIF(C1:C5,\"?pples\")", 1],
      ["COUNTIF(C1:C5,\"\")", 2],
      ["COUNTIF(C1:C5,\"<>\")", 4],
      ["COUNTIF(C1:C5,\"=\")", 1],
      ["COUNTIF(A1:A5,\"<>300000\")", 4],
      ["COUNTIF(A1:A5,\"#N/A\")", 1],
      ["COUNTIF(E1:E4,1)", 2],
      ["COUNTIF(E1:E4,TRUE)", 1],
      ["COUNTIF(D1:D5,{\"East\",\"West\"})", [[3, 1]]],
      ["AVERAGEIF(B1:B4,\"<23000\")", 14000],
      ["AVERAGEIF(A1:A4,\"<95000\")", Errors.DIV0],
      ["AVERAGEIF(A1:A4,\">250000\",B1:B4)", 24500],
    ],
    cells,
  );
});

describe("*IFS functions", () => {
  itFormulas(
    [
      ["SUMIFS(B1:B4,D1:D4,\"East\",A1:A4,\">150000\")", 21000],
      ["SUMIFS(B1:B4,D1:D4,\"East\")", 28000],
      ["SUMIFS(B1:B4,D1:D3,\"East\")", Errors.VALUE],
      ["COUNTIFS(D1:D5,\"East\",A1:A5,\">0\")", 2],
      ["COUNTIFS(D1:D5,\"East\")", 3],
      ["AVERAGEIFS(B1:B4,D1:D4,\"East\")", 14000],
      ["AVERAGEIFS(B1:B4,D1:D4,\"South\")", Errors.DIV0],
      ["MINIFS(B1:B4,D1:D4,\"East\")", 7000],
      ["MAXIFS(B1:B4,D1:D4,\"East\")", 21000],
      ["MAXIFS(B1:B4,D1:D4,\"South\")", 0],
    ],
    cells,
  );
});

describe("criteria aggregates over a range that is an error", () => {
  itFormulas(
    [
      ["SUMIF(#REF!,\">0\")", Errors.REF],
      ["SUMIF(#REF!,1)*0.05", Errors.REF],
      ["COUNTIF(#REF!,1)", Errors.REF],
      ["SUMIF(A1:A4,\">0\",#REF!)", Errors.REF],
      ["SUMIFS(B1:B4,#N/A,\"East\")", Errors.NA],
      ["COUNTIFS(D1:D5,\"East\",#REF!,1)", Errors.REF],
      ["AVERAGEIF(#DIV/0!,1)", Errors.DIV0],
    ],
    cells,
  );
});
