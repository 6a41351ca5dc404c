import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("paired statistics (Microsoft's examples)", () => {
  itFormulas([
    ["CORREL({3,2,4,5,6},{9,7,12,15,17})", 0.997054486, 9],
    ["PEARSON({9,7,5,3,1},{10,6,1,5,3})", 0.699379, 6],
    ["RSQ({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 0.05795, 5],
    ["COVAR({3,2,4,5,6},{9,7,12,15,17})", 5.2],
    ["COVARIANCE.P({3,2,4,5,6},{9,7,12,15,17})", 5.2],
    ["COVARIANCE.S({2,4,8},{5,11,12})", 9.666666667, 9],
    ["SLOPE({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 0.305556, 6],
    ["INTERCEPT({2,3,9,1,8},{6,5,11,7,5})", 0.0483871, 7],
    ["STEYX({2,3,9,1,8,7,5},{6,5,11,7,5,4,4})", 3.305719, 6],
    ["FORECAST(30,{6,7,9,15,21},{20,28,31,38,40})", 10.607253, 6],
    ["FORECAST.LINEAR(30,{6,7,9,15,21},{20,28,31,38,40})", 10.607253, 6],
    ["CORREL({1,2},{1,2,3})", Errors.NA],
    ["CORREL({1,1,1},{1,2,3})", Errors.DIV0],
    ["SLOPE({1},{1})", Errors.DIV0],
  ]);
});

describe("regression arrays", () => {
  itFormulas([
    ["LINEST({1,9,5,7},{0,4,2,3})", [[2, 1]]],
    ["INDEX(LINEST({1,9,5,7},{0,4,2,3},TRUE,TRUE),3,1)", 1],
    ["INDEX(LINEST({1,9,5,7},{0,4,2,3},TRUE,TRUE),4,1)", Errors.NUM],
    ["INDEX(LINEST({1,9,5,7},{0,4,2,3},TRUE,TRUE),4,2)", 2],
    ["INDEX(LINEST({1,9,5,7},{0,4,2,3},FALSE,TRUE),2,2)", Errors.NA],
    ["TREND({1,3,5},{1,2,3},{4;5})", [[7], [9]]],
    ["TREND({2;4;6})", [[2], [4], [6]]],
    ["GROWTH({2,4,8},{1,2,3},{4})", 16, 9],
    ["INDEX(LOGEST({2,4,8},{1,2,3}),1,1)", 2, 9],
    ["INDEX(LOGEST({2,4,8},{1,2,3}),1,2)", 1, 9],
    ["LINEST({1,2,\"a\"},{1,2,3})", Errors.VALUE],
  ]);
});
