import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("ROUND family rounds the decimal value half away from zero", () => {
  itFormulas([
    ["ROUND(2.675,2)", 2.68],
    ["ROUND(2.15,1)", 2.2],
    ["ROUND(-1.475,2)", -1.48],
    ["ROUND(21.5,-1)", 20],
    ["ROUND(626.3,-3)", 1000],
    ["ROUND(1.98,-1)", 0],
    ["ROUND(-50.55,-2)", -100],
    ["ROUND(0.285,2)", 0.29],
    ["ROUND(1.005,2)", 1.01],
    ["ROUNDUP(3.2,0)", 4],
    ["ROUNDUP(-3.14159,1)", -3.2],
    ["ROUNDUP(31415.92654,-2)", 31500],
    ["ROUNDUP(0.1+0.2,1)", 0.3],
    ["ROUNDDOWN(3.14159,3)", 3.141],
    ["ROUNDDOWN(-3.14159,1)", -3.1],
    ["TRUNC(8.9)", 8],
    ["TRUNC(-8.9)", -8],
    ["TRUNC(3.14159,2)", 3.14],
    ["MROUND(10,3)", 9],
    ["MROUND(-10,-3)", -9],
    ["MROUND(1.3,0.2)", 1.4],
    ["MROUND(5,-2)", Errors.NUM],
    ["MROUND(5,0)", 0],
  ]);
});

describe("CEILING and FLOOR variants", () => {
  itFormulas([
    ["CEILING(2.5,1)", 3],
    ["CEILING(-2.5,-2)", -4],
    ["CEILING(-2.5,2)", -2],
    ["CEILING(1.5,0.1)", 1.5],
    ["CEILING(0.234,0.01)", 0.24],
    ["CEILING(1.5,-1)", Errors.NUM],
    ["FLOOR(3.7,2)", 2],
    ["FLOOR(-2.5,-2)", -2],
    ["FLOOR(-2.5,2)", -4],
    ["FLOOR(2.5,-2)", Errors.NUM],
    ["FLOOR(1.58,0.1)", 1.5],
    ["FLOOR(3,0)", Errors.DIV0],
    ["CEILING.MATH(24.3,5)", 25],
    ["CEILING.MATH(6.7)", 7],
    ["CEILING.MATH(-8.1,2)", -8],
    ["CEILING.MATH(-5.5,2,-1)", -6],
    ["FLOOR.MATH(24.3,5)", 20],
    ["FLOOR.MATH(6.7)", 6],
    ["FLOOR.MATH(-8.1,2)", -10],
    ["FLOOR.MATH(-5.5,2,-1)", -4],
    ["CEILING.PRECISE(-4.3)", -4],
    ["CEILING.PRECISE(4.3,-2)", 6],
    ["ISO.CEILING(-4.3,2)", -4],
    ["ECMA.CEILING(4.1,1)", 5],
    ["FLOOR.PRECISE(-3.2,-1)", -4],
    ["FLOOR.PRECISE(3.2,0)", 0],
  ]);
});

describe("EVEN and ODD", () => {
  itFormulas([
    ["EVEN(1.5)", 2],
    ["EVEN(3)", 4],
    ["EVEN(2)", 2],
    ["EVEN(-1)", -2],
    ["ODD(1.5)", 3],
    ["ODD(3)", 3],
    ["ODD(2)", 3],
    ["ODD(-1)", -1],
    ["ODD(-2)", -3],
    ["ODD(0)", 1],
  ]);
});
