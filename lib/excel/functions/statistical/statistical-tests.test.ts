import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const a = "{3,4,5,8,9,1,2,4,5}";
const b = "{6,19,3,2,14,4,5,17,1}";

describe("hypothesis tests (Microsoft's examples)", () => {
  itFormulas([
    [`T.TEST(${a},${b},2,1)`, 0.196016, 6],
    [`TTEST(${a},${b},2,1)`, 0.196016, 6],
    [`T.TEST(${a},${b},2,2)`, 0.191995, 5],
    [`T.TEST(${a},${b},2,3)/T.TEST(${a},${b},1,3)`, 2, 12],
    [`T.TEST(${a},${b},3,1)`, Errors.NUM],
    ["F.TEST({6,7,9,15,21},{20,28,31,38,40})", 0.64831785, 8],
    ["FTEST({6,7,9,15,21},{20,28,31,38,40})", 0.64831785, 8],
    ["Z.TEST({3,6,7,8,6,5,4,2,1,9},4)", 0.090574, 6],
    ["Z.TEST({3,6,7,8,6,5,4,2,1,9},6)", 0.863043, 6],
    ["CHISQ.TEST({58,35;11,25;10,23},{45.35,47.65;17.56,18.44;16.09,16.91})", 0.0003082, 7],
    ["CHISQ.TEST({1,2},{1,2,3})", Errors.NA],
  ]);
});

describe("FREQUENCY and PROB", () => {
  itFormulas([
    ["FREQUENCY({79,85,78,85,50,81,95,88,97},{70,79,89})", [[1], [2], [4], [2]]],
    ["FREQUENCY({1,2,3},{2,2})", [[2], [0], [1]]],
    ["PROB({0,1,2,3},{0.2,0.3,0.1,0.4},2)", 0.1, 12],
    ["PROB({0,1,2,3},{0.2,0.3,0.1,0.4},1,3)", 0.8, 12],
    ["PROB({0,1},{0.2,0.3},1)", Errors.NUM],
  ]);
});
