import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Microsoft's database-function sample: an orchard table and a criteria range.
const cells = {
  A1: "Tree", B1: "Height", C1: "Age", D1: "Yield", E1: "Profit", F1: "Height",
  A2: '="=Apple"', B2: ">10", F2: "<16",
  A3: '="=Pear"',
  A5: "Tree", B5: "Height", C5: "Age", D5: "Yield", E5: "Profit",
  A6: "Apple", B6: 18, C6: 20, D6: 14, E6: 105,
  A7: "Pear", B7: 12, C7: 12, D7: 10, E7: 96,
  A8: "Cherry", B8: 13, C8: 14, D8: 9, E8: 105,
  A9: "Apple", B9: 14, C9: 15, D9: 10, E9: 75,
  A10: "Pear", B10: 9, C10: 8, D10: 8, E10: 76.8,
  A11: "Apple", B11: 8, C11: 9, D11: 6, E11: 45,
  H1: "Tree", H2: "Pe",
  I1: "Tree", I2: "Banana",
};

describe("database functions (Microsoft's orchard example)", () => {
  itFormulas(
    [
      ["DCOUNT(A5:E11,\"Age\",A1:F2)", 1],
      ["DCOUNTA(A5:E11,\"Profit\",A1:F2)", 1],
      ["DMAX(A5:E11,\"Profit\",A1:A3)", 105],
      ["DMIN(A5:E11,\"Profit\",A1:B2)", 75],
      ["DSUM(A5:E11,\"Profit\",A1:A2)", 225],
      ["DSUM(A5:E11,\"Profit\",A1:F2)", 75],
      ["DPRODUCT(A5:E11,\"Yield\",A1:F2)", 10],
      ["DAVERAGE(A5:E11,\"Yield\",A1:B2)", 12],
      ["DAVERAGE(A5:E11,3,A5:E11)", 13],
      ["DSTDEV(A5:E11,\"Yield\",A1:A3)", 2.966479395, 9],
      ["DSTDEVP(A5:E11,\"Yield\",A1:A3)", 2.653299832, 9],
      ["DVAR(A5:E11,\"Yield\",A1:A3)", 8.8, 12],
      ["DVARP(A5:E11,\"Yield\",A1:A3)", 7.04, 12],
      ["DGET(A5:E11,\"Yield\",A1:A3)", Errors.NUM],
      ["DGET(A5:E11,\"Yield\",I1:I2)", Errors.VALUE],
      ["DGET(A5:E11,\"Yield\",A1:F2)", 10],
      ["DCOUNTA(A5:E11,\"Tree\",H1:H2)", 2],
      ["DSUM(A5:E11,\"Nope\",A1:A2)", Errors.VALUE],
      ["DCOUNT(A5:E5,\"Age\",A1:A2)", Errors.VALUE],
      ["DCOUNT(A5:E11,,A1:A2)", 3],
    ],
    cells,
  );
});
