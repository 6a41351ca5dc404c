import { describe, it, expect } from "vitest";
import { evaluateFormula } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";

const cells = {
  A1: "a", B1: 1, A2: "b", B2: 2, A3: "c", B3: 3,
  C1: "2024-01-31", D1: 10, D2: 20, D3: 30,
  "Sheet2!A1": 100,
};
const ev = (formula: string, extra: Record<string, unknown> = {}) =>
  evaluateFormula(formula, { ...cells, ...extra }, { now: () => new Date(2024, 0, 31, 18, 0), random: () => 0.5 });

describe("lookup, date, financial and engineering functions through the real engine", () => {
  it("returns references that other functions and ranges consume", () => {
    expect(ev("SUM(OFFSET(B1,0,0,3))")).toBe(6);
    expect(ev("SUM(B1:INDEX(B1:B3,2))")).toBe(3);
    expect(ev('SUM(XLOOKUP("b",A1:A3,B1:D3))')).toBe(22);
    expect(ev('SUM(INDIRECT("D1:D"&3))')).toBe(60);
    expect(ev('INDIRECT("Sheet2!A1")')).toBe(100);
    expect(ev("SUM(CHOOSE(2,B1:B3,D1:D3))")).toBe(60);
    expect(ev("ROWS(OFFSET(A1,0,0,5,2))")).toBe(5);
  });

  it("treats omitted arguments like Excel", () => {
    expect(ev("VLOOKUP(2,B1:D3,3,)")).toBe(20);
    expect(ev("MATCH(2.5,B1:B3,)")).toBe(Errors.NA);
    expect(ev("MATCH(2.5,B1:B3)")).toBe(2);
    expect(ev("SEQUENCE(2,,5)")).toEqual([[5], [6]]);
    expect(ev("SORT(B1:B3,,-1)")).toEqual([[3], [2], [1]]);
    expect(ev("XLOOKUP(9,B1:B3,A1:A3,,-1)")).toBe("c");
    expect(ev("INDEX(B1:D3,,3)")).toEqual([[10], [20], [30]]);
    expect(ev("SUM(OFFSET(B1:D2,0,0,1,))")).toBe(10 + 1);
    expect(ev("SUM(OFFSET(B1:D2,1,0,,1))")).toBe(2 + 3);
    expect(ev("XLOOKUP(9,B1:B3,A1:A3,,)")).toBe(Errors.NA);
    expect(ev("XMATCH(3,B1:B3,,-1)")).toBe(3);
  });

  it("lifts scalar arguments over arrays", () => {
    expect(ev('VLOOKUP({"a";"c"},A1:B3,2,FALSE)')).toEqual([[1], [3]]);
    expect(ev("YEAR({45322,45000})")).toEqual([[2024, 2023]]);
    expect(ev("VLOOKUP(2,CHOOSE({1,2},B1:B3,A1:A3),2,FALSE)")).toBe("b");
  });

  it("coerces text dates and reads the injected clock", () => {
    expect(ev("YEAR(C1)")).toBe(2024);
    expect(ev('DATEVALUE("Jan 31, 2024")')).toBe(45322);
    expect(ev("TODAY()")).toBe(45322);
    expect(ev("NOW()")).toBeCloseTo(45322.75, 9);
    expect(ev("EOMONTH(C1,1)")).toBe(45351);
    expect(ev('NETWORKDAYS(C1,"2024-02-29")')).toBe(22);
  });

  it("spills dynamic arrays built from ranges and conditions", () => {
    expect(ev("FILTER(A1:B3,B1:B3>1)")).toEqual([["b", 2], ["c", 3]]);
    expect(ev('FILTER(A1:A3,B1:B3>5,"none")')).toBe("none");
    expect(ev("SORTBY(A1:A3,D1:D3,-1)")).toEqual([["c"], ["b"], ["a"]]);
    expect(ev("TAKE(SORT(D1:D3,1,-1),1)")).toBe(30);
    expect(ev("VSTACK(B1:B2,D1)")).toEqual([[1], [2], [10]]);
    expect(ev("RANDARRAY(1,2)")).toEqual([[0.5, 0.5]]);
  });

  it("computes financial and engineering results in formulas", () => {
    expect(ev("PMT(0.08/12,10,10000)") as number).toBeCloseTo(-1037.03, 2);
    expect(ev("NPV(0.1,-10000,3000,4200,6800)") as number).toBeCloseTo(1188.44, 2);
    expect(ev("IRR({-70000,12000,15000,18000,21000,26000})") as number).toBeCloseTo(0.086630948, 8);
    expect(ev('DEC2HEX(255)&"-"&BIN2DEC("1111111111")')).toBe("FF--1");
    expect(ev('CONVERT(1,"lbm","kg")')).toBeCloseTo(0.45359237, 12);
  });
});
