import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("trigonometry", () => {
  itFormulas([
    ["SIN(PI()/2)", 1],
    ["SIN(RADIANS(30))", 0.5, 14],
    ["COS(0)", 1],
    ["COS(RADIANS(60))", 0.5, 14],
    ["TAN(RADIANS(45))", 1, 14],
    ["SIN(2^27)", Errors.NUM],
    ["SEC(45)", 1.90359, 5],
    ["CSC(15)", 1.537780562, 8],
    ["CSC(0)", Errors.DIV0],
    ["COT(30)", -0.156119952, 8],
    ["COT(0)", Errors.DIV0],
    ["ASIN(-0.5)", -0.523598776, 9],
    ["ASIN(2)", Errors.NUM],
    ["ACOS(-0.5)", 2.094395102, 9],
    ["ATAN(1)", 0.785398163, 9],
    ["ACOT(2)", 0.463647609, 9],
    ["ATAN2(1,1)", 0.785398163, 9],
    ["ATAN2(-1,-1)", -2.35619449, 8],
    ["ATAN2(0,0)", Errors.DIV0],
    ["SINH(1)", 1.175201194, 9],
    ["COSH(4)", 27.30823284, 8],
    ["TANH(0.5)", 0.462117157, 9],
    ["SECH(1)", 0.648054274, 9],
    ["CSCH(1.5)", 0.469642441, 9],
    ["CSCH(0)", Errors.DIV0],
    ["COTH(2)", 1.037314721, 9],
    ["ASINH(10)", 2.99822295, 8],
    ["ACOSH(1)", 0],
    ["ACOSH(0.5)", Errors.NUM],
    ["ATANH(0.76159416)", 1.00000001, 8],
    ["ATANH(1)", Errors.NUM],
    ["ACOTH(6)", 0.168236118, 9],
    ["ACOTH(0.5)", Errors.NUM],
    ["DEGREES(PI())", 180],
    ["RADIANS(270)", 4.71238898, 8],
  ]);
});
