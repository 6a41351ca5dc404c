import { describe, it, expect } from "vitest";
import { referenceFunctions } from "@/lib/excel/functions/lookup/reference-functions";
import { arr, callSpec, ref } from "@/test/excel/spec-harness";
import { Errors, type Scalar, type Value } from "@/lib/excel/values";

const cells: Record<string, Scalar> = { A1: 1, A2: 2, A3: 3, B1: "x", B2: "y", B3: "z" };
const call = (name: string, ...args: (Value | undefined)[]) =>
  callSpec(referenceFunctions, name, args, { cells, origin: "C5", formulas: { "Sheet1!0,1": "SUM(A1:A3)" } });
const area = (top: number, left: number, bottom: number, right: number, sheet = "Sheet1") => ({ kind: "reference", areas: [{ sheet, top, left, bottom, right }] });

describe("INDEX", () => {
  it("returns references in the reference form", () => {
    expect(call("INDEX", ref("A1:B3"), 2, 2)).toEqual(area(1, 1, 1, 1));
    expect(call("INDEX", ref("A1:B3"), 0, 2)).toEqual(area(0, 1, 2, 1));
    expect(call("INDEX", ref("A1:B3"), 3)).toEqual(area(2, 0, 2, 1));
    expect(call("INDEX", ref("A1:E1"), 3)).toEqual(area(0, 2, 0, 2));
    expect(call("INDEX", ref("A1:A3"), 2)).toEqual(area(1, 0, 1, 0));
    expect(call("INDEX", ref("A1:A2,C1:D2"), 2, 1, 2)).toEqual(area(1, 2, 1, 2));
  });
  it("indexes arrays and reports out-of-range positions", () => {
    expect(call("INDEX", arr([[1, 2], [3, 4]]), 2, 1)).toBe(3);
    expect(call("INDEX", arr([[1, 2], [3, 4]]), 0, 2)).toEqual(arr([[2], [4]]));
    expect(call("INDEX", arr([[1, 2], [3, 4]]), 3, 1)).toBe(Errors.REF);
    expect(call("INDEX", arr([[1, 2], [3, 4]]), -1, 1)).toBe(Errors.VALUE);
    expect(call("INDEX", ref("A1:B3"), 1, 1, 2)).toBe(Errors.REF);
  });
});

describe("OFFSET / INDIRECT", () => {
  it("moves and resizes references", () => {
    expect(call("OFFSET", ref("A1"), 2, 1)).toEqual(area(2, 1, 2, 1));
    expect(call("OFFSET", ref("A1"), 0, 0, 3, 2)).toEqual(area(0, 0, 2, 1));
    expect(call("OFFSET", ref("A1:B2"), 1, 1)).toEqual(area(1, 1, 2, 2));
    expect(call("OFFSET", ref("A10"), 0, 0, -3)).toEqual(area(7, 0, 9, 0));
    expect(call("OFFSET", ref("A1"), -1, 0)).toBe(Errors.REF);
    expect(call("OFFSET", ref("A1"), 0, 0, 0)).toBe(Errors.REF);
    expect(call("OFFSET", ref("A1"), 0, 0, 3, 0.9)).toEqual(area(0, 0, 2, 0));
    expect(call("OFFSET", ref("A1"), 0, 0, 3.1, 3.99)).toEqual(area(0, 0, 2, 2));
    expect(call("OFFSET", ref("A1:B2"), 0, 0, null, 1)).toEqual(area(0, 0, 1, 0));
    expect(call("OFFSET", ref("A1,B2"), 0, 0)).toBe(Errors.VALUE);
  });
  it("parses reference text", () => {
    expect(call("INDIRECT", "A1:B2")).toEqual(area(0, 0, 1, 1));
    expect(call("INDIRECT", "R2C3", false)).toEqual(area(1, 2, 1, 2));
    expect(call("INDIRECT", "not a ref")).toBe(Errors.REF);
    expect(call("INDIRECT", "")).toBe(Errors.REF);
  });
});

describe("CHOOSE", () => {
  it("picks one value lazily", () => {
    expect(call("CHOOSE", 2, "a", "b", "c")).toBe("b");
    expect(call("CHOOSE", 2.9, "a", "b", "c")).toBe("b");
    expect(call("CHOOSE", 4, "a", "b", "c")).toBe(Errors.VALUE);
    expect(call("CHOOSE", 0, "a")).toBe(Errors.VALUE);
    expect(call("CHOOSE", "x", "a")).toBe(Errors.VALUE);
    expect(call("CHOOSE", 1, ref("A1:A3"))).toEqual(area(0, 0, 2, 0));
  });
  it("builds arrays from an array of indexes", () => {
    expect(call("CHOOSE", arr([[1, 2]]), ref("B1:B3"), ref("A1:A3"))).toEqual(arr([["x", 1], ["y", 2], ["z", 3]]));
  });
});

describe("ROW, COLUMN, ROWS, COLUMNS, AREAS", () => {
  it("describes references", () => {
    expect(call("ROW")).toBe(5);
    expect(call("COLUMN")).toBe(3);
    expect(call("ROW", ref("B7"))).toBe(7);
    expect(call("ROW", ref("B7:C9"))).toEqual(arr([[7], [8], [9]]));
    expect(call("COLUMN", ref("B7:D7"))).toEqual(arr([[2, 3, 4]]));
    expect(call("ROW", arr([[1]]))).toBe(Errors.VALUE);
    expect(call("ROWS", ref("A1:C4"))).toBe(4);
    expect(call("COLUMNS", ref("A1:C4"))).toBe(3);
    expect(call("ROWS", arr([[1, 2, 3], [4, 5, 6]]))).toBe(2);
    expect(call("COLUMNS", 7)).toBe(1);
    expect(call("AREAS", ref("A1:B2,C3,D4"))).toBe(3);
  });
});

describe("ADDRESS, TRANSPOSE, HYPERLINK, FORMULATEXT, GETPIVOTDATA", () => {
  it("writes addresses", () => {
    expect(call("ADDRESS", 2, 3)).toBe("$C$2");
    expect(call("ADDRESS", 2, 3, 2)).toBe("C$2");
    expect(call("ADDRESS", 2, 3, 3)).toBe("$C2");
    expect(call("ADDRESS", 2, 3, 4)).toBe("C2");
    expect(call("ADDRESS", 2, 3, 2, false)).toBe("R2C[3]");
    expect(call("ADDRESS", 2, 3, 1, false, "[Book1]Sheet1")).toBe("[Book1]Sheet1!R2C3");
    expect(call("ADDRESS", 2, 3, 1, false, "[Book1]My Sheet")).toBe("'[Book1]My Sheet'!R2C3");
    expect(call("ADDRESS", 2, 3, 1, true, "EXCEL SHEET")).toBe("'EXCEL SHEET'!$C$2");
    expect(call("ADDRESS", 1, 28, 4)).toBe("AB1");
    expect(call("ADDRESS", 0, 1)).toBe(Errors.VALUE);
    expect(call("ADDRESS", 1, 1, 5)).toBe(Errors.VALUE);
  });
  it("transposes, links and shows formulas", () => {
    expect(call("TRANSPOSE", arr([[1, 2, 3]]))).toEqual(arr([[1], [2], [3]]));
    expect(call("HYPERLINK", "http://x", "Click")).toBe("Click");
    expect(call("HYPERLINK", "http://x")).toBe("http://x");
    expect(call("FORMULATEXT", ref("B1"))).toBe("=SUM(A1:A3)");
    expect(call("FORMULATEXT", ref("A1"))).toBe(Errors.NA);
    expect(call("GETPIVOTDATA", "Sales", ref("A1"))).toBe(Errors.REF);
  });
});
