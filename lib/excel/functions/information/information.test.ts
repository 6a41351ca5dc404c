import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: 5, A2: "txt", A3: true, A4: null, A5: "#N/A", A6: "#REF!", A7: "", B1: "=A1*2", "Sheet2!A1": 1 };

describe("IS functions", () => {
  itFormulas(
    [
      ["ISBLANK(A4)", true],
      ["ISBLANK(A7)", false],
      ["ISERROR(A5)", true],
      ["ISERROR(A1)", false],
      ["ISERR(A5)", false],
      ["ISERR(A6)", true],
      ["ISNA(A5)", true],
      ["ISNA(A6)", false],
      ["ISNUMBER(A1)", true],
      ["ISNUMBER(\"5\")", false],
      ["ISTEXT(A2)", true],
      ["ISTEXT(A4)", false],
      ["ISNONTEXT(A4)", true],
      ["ISNONTEXT(A2)", false],
      ["ISLOGICAL(A3)", true],
      ["ISEVEN(-1)", false],
      ["ISEVEN(2.5)", true],
      ["ISEVEN(A4)", true],
      ["ISODD(5)", true],
      ["ISEVEN(A2)", Errors.VALUE],
      ["ISREF(A1)", true],
      ["ISREF(5)", false],
      ["ISFORMULA(B1)", true],
      ["ISFORMULA(A1)", false],
      ["ISNUMBER(A1:A3)", [[true], [false], [false]]],
    ],
    cells,
  );
});

describe("values about values", () => {
  itFormulas(
    [
      ["ERROR.TYPE(A5)", 7],
      ["ERROR.TYPE(1/0)", 2],
      ["ERROR.TYPE(A1)", Errors.NA],
      ["TYPE(A1)", 1],
      ["TYPE(A2)", 2],
      ["TYPE(A3)", 4],
      ["TYPE(A5)", 16],
      ["TYPE({1,2})", 64],
      ["TYPE(A4)", 1],
      ["NA()", Errors.NA],
      ["N(A1)", 5],
      ["N(A2)", 0],
      ["N(A3)", 1],
      ["N(A5)", Errors.NA],
      ["T(A2)", "txt"],
      ["T(A1)", ""],
      ["SHEET()", 1],
      ["SHEET(Sheet2!A1)", 2],
      ["SHEET(\"Sheet2\")", 2],
      ["SHEETS()", 2],
      ["SHEETS(Sheet2!A1)", 1],
      ["CELL(\"address\",B1)", "$B$1"],
      ["CELL(\"row\",B1)", 1],
      ["CELL(\"col\",B1)", 2],
      ["CELL(\"contents\",A2)", "txt"],
      ["CELL(\"type\",A4)", "b"],
      ["CELL(\"type\",A2)", "l"],
      ["CELL(\"type\",A1)", "v"],
      ["INFO(\"recalc\")", "Automatic"],
      ["MID(CELL(\"filename\",A1),FIND(\"]\",CELL(\"filename\",A1))+1,255)", "Sheet1"],
      ["CELL(\"nonsense\",A1)", Errors.VALUE],
    ],
    cells,
  );
});
