import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: 5, A2: "TRUE", A3: "text", A4: null, A5: "#N/A", B1: true, B2: false, B3: "x", B4: 0 };

describe("IF family", () => {
  itFormulas(
    [
      ["IF(A1>3,\"big\",\"small\")", "big"],
      ["IF(A1>9,\"big\")", false],
      ["IF(A1>3,,1)", 0],
      ["IF(A2,1,2)", 1],
      ["IF(A3,1,2)", Errors.VALUE],
      ["IF(A4,1,2)", 2],
      ["IF(A5,1,2)", Errors.NA],
      ["IF(TRUE,1,1/0)", 1],
      ["IF({TRUE,FALSE},{1,2},{3,4})", [[1, 4]]],
      ["IF(B1:B2,\"y\",\"n\")", [["y"], ["n"]]],
      ["IFS(A1>9,\"a\",A1>3,\"b\")", "b"],
      ["IFS(A1>9,\"a\")", Errors.NA],
      ["IFS(A5,1,TRUE,2)", Errors.NA],
      ["IFERROR(1/0,\"div\")", "div"],
      ["IFERROR(A1,\"x\")", 5],
      ["IFERROR(A4,\"x\")", 0],
      ["IFERROR({1,#N/A},0)", [[1, 0]]],
      ["IFNA(A5,\"missing\")", "missing"],
      ["IFNA(1/0,\"missing\")", Errors.DIV0],
      ["SWITCH(2,1,\"one\",2,\"two\",\"other\")", "two"],
      ["SWITCH(9,1,\"one\",2,\"two\",\"other\")", "other"],
      ["SWITCH(9,1,\"one\")", Errors.NA],
      ["SWITCH(\"B\",\"a\",1,\"b\",2)", 2],
      ["SWITCH(A5,1,1)", Errors.NA],
    ],
    cells,
  );
});

describe("AND, OR, XOR, NOT", () => {
  itFormulas(
    [
      ["AND(TRUE,1)", true],
      ["AND(TRUE,0)", false],
      ["AND(B1:B3)", false],
      ["AND(B1,B3)", true],
      ["AND(\"true\",TRUE)", true],
      ["AND(\"x\")", Errors.VALUE],
      ["AND(A3:A4)", Errors.VALUE],
      ["AND(FALSE,A5)", Errors.NA],
      ["OR(B2,B4)", false],
      ["OR(B1:B4)", true],
      ["XOR(TRUE,TRUE)", false],
      ["XOR(TRUE,FALSE,TRUE,TRUE)", true],
      ["NOT(FALSE)", true],
      ["NOT(1)", false],
      ["NOT(\"x\")", Errors.VALUE],
      ["TRUE()", true],
      ["FALSE()", false],
    ],
    cells,
  );
});
