import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = {
  A1: 10, A2: 7, A3: 9, A4: 27, A5: 2, A6: "text", A7: true, A8: null, A9: "",
  B1: 1, B2: 2, B3: 2, B4: 3, B5: 3, B6: 4,
  C1: "#DIV/0!",
};

describe("counting", () => {
  itFormulas(
    [
      ["COUNT(A1:A9)", 5],
      ["COUNT(1,\"2\",TRUE,\"x\")", 3],
      ["COUNT(C1,1)", 1],
      ["COUNTA(A1:A9)", 8],
      ["COUNTA(1,\"\",C1)", 3],
      ["COUNTBLANK(A1:A9)", 2],
      ["COUNTBLANK(A:A)", 1048576 - 7],
    ],
    cells,
  );
});

describe("averages and extremes", () => {
  itFormulas(
    [
      ["AVERAGE(A1:A5)", 11],
      ["AVERAGE(A1:A9)", 11],
      ["AVERAGE(A1:A5,5)", 10],
      ["AVERAGE(A8)", Errors.DIV0],
      ["AVERAGE(A1:A5,C1)", Errors.DIV0],
      ["AVERAGEA(A1:A9)", 56 / 8],
      ["MIN(A1:A9)", 2],
      ["MAX(A1:A9,30)", 30],
      ["MAX(A8)", 0],
      ["MINA(A1:A9)", 0],
      ["MAXA(A6:A7)", 1],
      ["MEDIAN(A1:A5)", 9],
      ["MEDIAN(B1:B6)", 2.5],
      ["MEDIAN(A8)", Errors.NUM],
      ["MODE(B1:B6)", 2],
      ["MODE.SNGL(A1:A5)", Errors.NA],
      ['MODE("1",1,2,2)', Errors.VALUE],
      ['MODE.SNGL(1,"x",1)', Errors.VALUE],
      ['MODE.MULT("2",2,2)', Errors.VALUE],
      ["MODE(1,1,2,3)", 1],
      ["MODE.MULT(B1:B6)", [[2], [3]]],
    ],
    cells,
  );
});

describe("order statistics and ranks", () => {
  itFormulas(
    [
      ["LARGE(A1:A5,2)", 10],
      ["LARGE(A1:A5,{1,5})", [[27, 2]]],
      ["LARGE(A1:A5,6)", Errors.NUM],
      ["SMALL(A1:A5,1)", 2],
      ["SMALL(A1:A5,0)", Errors.NUM],
      ["RANK(7,A1:A5)", 4],
      ["RANK.EQ(7,A1:A5,1)", 2],
      ["RANK.EQ(2,B1:B6)", 4],
      ["RANK.AVG(2,B1:B6)", 4.5],
      ["RANK.EQ(5,A1:A5)", Errors.NA],
      ["PERCENTILE({1,2,3,4},0.3)", 1.9, 12],
      ["PERCENTILE.INC({1,3,2,4},0.3)", 1.9, 12],
      ["PERCENTILE.INC({1,2},1.5)", Errors.NUM],
      ["PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},0.25)", 2.5],
      ["PERCENTILE.EXC({1,2,3,6,6,6,7,8,9},0.01)", Errors.NUM],
      ["QUARTILE({1,2,4,7,8,9,10,12},1)", 3.5],
      ["QUARTILE.INC({1,2,4,7,8,9,10,12},3)", 9.25],
      ["QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},1)", 15],
      ["QUARTILE.EXC({6,7,15,36,39,40,41,42,43,47,49},3)", 43],
      ["QUARTILE(B1:B6,5)", Errors.NUM],
      ["PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},2)", 0.333],
      ["PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},4)", 0.555],
      ["PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},8)", 0.666],
      ["PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},5)", 0.583],
      ["PERCENTRANK({13,12,11,8,4,3,2,1,1,1},5,2)", 0.58],
      ["PERCENTRANK.EXC({1,2,3,6,6,6,7,8,9},7)", 0.7],
      ["PERCENTRANK.EXC({1,2,3,6,6,6,7,8,9},5.43)", 0.381],
      ["PERCENTRANK.INC({1,2},3)", Errors.NA],
      ["TRIMMEAN({4,5,6,7,2,3,4,5,1,2,3},0.2)", 3.777777778, 9],
      ["TRIMMEAN({1,2},1)", Errors.NUM],
      ["STANDARDIZE(42,40,1.5)", 1.333333333, 9],
      ["STANDARDIZE(42,40,0)", Errors.NUM],
    ],
    cells,
  );
});
