import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

// Microsoft's STDEV sample: breaking strength of ten tools.
const strengths = "{1345,1301,1368,1322,1310,1370,1318,1350,1303,1299}";
const cells = { A1: 2, A2: "x", A3: true, A4: 4 };

describe("standard deviation and variance", () => {
  itFormulas(
    [
      [`STDEV(${strengths})`, 27.46391572, 8],
      [`STDEV.S(${strengths})`, 27.46391572, 8],
      [`STDEV.P(${strengths})`, 26.05455814, 8],
      [`STDEVP(${strengths})`, 26.05455814, 8],
      [`VAR(${strengths})`, 754.2666667, 7],
      [`VAR.S(${strengths})`, 754.2666667, 7],
      [`VAR.P(${strengths})`, 678.84, 9],
      [`VARP(${strengths})`, 678.84, 9],
      ["STDEV(1)", Errors.DIV0],
      ["STDEV.P(A1:A4)", 1],
      ["STDEVA(A1:A4)", 1.707825128, 9],
      ["STDEVPA(A1:A4)", 1.479019946, 9],
      ["VARA(A1:A4)", 2.916666667, 9],
      ["VARPA(A1:A4)", 2.1875, 12],
    ],
    cells,
  );
});

describe("deviations and means", () => {
  itFormulas([
    ["AVEDEV({4,5,6,7,5,4,3})", 1.020408163, 9],
    ["DEVSQ({4,5,8,7,11,4,3})", 48],
    ["GEOMEAN({4,5,8,7,11,4,3})", 5.476986969, 8],
    ["GEOMEAN({4,0})", Errors.NUM],
    ["HARMEAN({4,5,8,7,11,4,3})", 5.028375962, 9],
    ["KURT({3,4,5,2,3,4,5,6,4,7})", -0.151799637, 9],
    ["KURT({1,2,3})", Errors.DIV0],
    ["SKEW({3,4,5,2,3,4,5,6,4,7})", 0.359543071, 9],
    ["SKEW.P({3,4,5,2,3,4,5,6,4,7})", 0.303193339, 9],
    ["SKEW({1,1,1})", Errors.DIV0],
  ]);
});
