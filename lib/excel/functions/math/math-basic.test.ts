import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: 1, A2: "2", A3: true, A4: 4, B1: "#N/A", C1: 12, C2: 18, C3: "x" };

describe("SUM, PRODUCT, SUMSQ", () => {
  itFormulas(
    [
      ["SUM(A1:A5)", 5],
      ["SUM(\"2\",TRUE,3)", 6],
      ["SUM({1,\"2\",TRUE})", 1],
      ["SUM(\"abc\")", Errors.VALUE],
      ["SUM(A1:B1)", Errors.NA],
      ["SUM(A:A)", 5],
      ["SUM(1,)", 1],
      ["PRODUCT(A5)", 0],
      ["PRODUCT(A1:A4,2)", 8],
      ["SUMSQ(3,4)", 25],
    ],
    cells,
  );
});

describe("elementary functions", () => {
  itFormulas([
    ["SQRT(-1)", Errors.NUM],
    ["SQRT(16)", 4],
    ["LN(0)", Errors.NUM],
    ["LN(EXP(1))", 1],
    ["LOG(8,2)", 3, 14],
    ["LOG(100)", 2],
    ["LOG(10,1)", Errors.DIV0],
    ["LOG10(1000)", 3],
    ["EXP(1000)", Errors.NUM],
    ["ABS(-3)", 3],
    ["SIGN(-0.5)", -1],
    ["SIGN(0)", 0],
    ["PI()", Math.PI],
    ["SQRTPI(1)", 1.772453851, 9],
    ["POWER(5,2)", 25],
    ["POWER(0,0)", Errors.NUM],
    ["POWER(0,-1)", Errors.DIV0],
    ["POWER(-8,0.5)", Errors.NUM],
    ["POWER(4,0.5)", 2],
    ["MOD(3,2)", 1],
    ["MOD(-3,2)", 1],
    ["MOD(3,-2)", -1],
    ["MOD(-1,3)", 2],
    ["MOD(1,0)", Errors.DIV0],
    ["QUOTIENT(-10,3)", -3],
    ["QUOTIENT(1,0)", Errors.DIV0],
    ["INT(-0.5)", -1],
    ["INT(8.9)", 8],
  ]);
});

describe("combinatorics", () => {
  itFormulas(
    [
      ["FACT(5)", 120],
      ["FACT(1.9)", 1],
      ["FACT(-1)", Errors.NUM],
      ["FACT(171)", Errors.NUM],
      ["FACTDOUBLE(7)", 105],
      ["FACTDOUBLE(6)", 48],
      ["COMBIN(8,2)", 28],
      ["COMBIN(2,3)", Errors.NUM],
      ["COMBINA(4,3)", 20],
      ["COMBINA(10,3)", 220],
      ["PERMUT(100,3)", 970200],
      ["PERMUTATIONA(3,2)", 9],
      ["MULTINOMIAL(2,3,4)", 1260],
      ["MULTINOMIAL(-1)", Errors.NUM],
      ["GCD(5,2)", 1],
      ["GCD(24,36)", 12],
      ["GCD(C1:C2)", 6],
      ["GCD(C1:C3)", Errors.VALUE],
      ["GCD(-1)", Errors.NUM],
      ["LCM(24,36)", 72],
      ["LCM(1.5,3)", 3],
      ["LCM(0,3)", 0],
    ],
    cells,
  );
});

describe("SERIESSUM, RAND, RANDBETWEEN", () => {
  itFormulas([
    ["SERIESSUM(2,0,1,{1,2,3})", 17],
    ["SERIESSUM(2,0,1,{1,\"a\"})", Errors.VALUE],
    ["RAND()>=0", true],
    ["RAND()<1", true],
    ["RANDBETWEEN(3,3)", 3],
    ["RANDBETWEEN(5,1)", Errors.NUM],
  ]);
});
