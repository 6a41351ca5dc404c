import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: 3, A2: 8, A3: 1, B1: 2, B2: 6, B3: 5, C1: "x", C2: 6, C3: 5 };

describe("SUMPRODUCT and paired sums", () => {
  itFormulas(
    [
      ["SUMPRODUCT(A1:A3,B1:B3)", 59],
      ["SUMPRODUCT(A1:A3,C1:C3)", 53],
      ["SUMPRODUCT(A1:A3)", 12],
      ["SUMPRODUCT(A1:A3,B1:B2)", Errors.VALUE],
      ["SUMPRODUCT((A1:A3>2)*B1:B3)", 8],
      ["SUMX2MY2({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", -55],
      ["SUMX2PY2({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 521],
      ["SUMXMY2({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 79],
      ["SUMXMY2({1,2},{1})", Errors.NA],
      ["SUMXMY2({1,\"a\"},{\"b\",2})", Errors.DIV0],
      ["SUMX2PY2({\"a\"},{1})", Errors.DIV0],
      ["SUMX2MY2({1,\"a\"},{2,3})", -3],
    ],
    cells,
  );
});

describe("matrix functions", () => {
  itFormulas([
    ["MMULT({1,3;7,2},{2,0;0,2})", [[2, 6], [14, 4]]],
    ["MMULT({1,2},{3;4})", 11],
    ["MMULT({1,2},{3,4})", Errors.VALUE],
    ["MDETERM({1,3,8,5;1,3,6,1;1,1,1,0;7,3,10,2})", 88, 9],
    ["MDETERM({3,6,1;1,1,0;3,10,2})", 1, 9],
    ["MDETERM({1,2,3;4,5,6})", Errors.VALUE],
    ["MINVERSE({4,-1;2,0})", [[0, 0.5], [-1, 2]]],
    ["MINVERSE({1,2;2,4})", Errors.NUM],
    ["MUNIT(2)", [[1, 0], [0, 1]]],
    ["MUNIT(0)", Errors.VALUE],
  ]);
});
