import { describe } from "vitest";
import { itFormulas } from "@/lib/excel/functions/formula-cases";
import { Errors } from "@/lib/excel/values";

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
