import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("PERCENTOF", () => {
  itFormulas(
    [
      ["PERCENTOF(A1:A2,A1:A4)", 0.3],
      ["PERCENTOF(A4,A1:A4)", 0.4],
      ["PERCENTOF(A1:A5,A1:A5)", 1],
      ["PERCENTOF({1,2},{1,2,7})", 0.3],
      ["PERCENTOF(1,4)", 0.25],
      ["PERCENTOF(A1,B1:B2)", Errors.DIV0],
      ["PERCENTOF(A1,C1)", Errors.NA],
      ['PERCENTOF("x",A1)', Errors.VALUE],
    ],
    { A1: 1, A2: 2, A3: 3, A4: 4, A5: "text", B1: "a", C1: "#N/A" },
  );
});
