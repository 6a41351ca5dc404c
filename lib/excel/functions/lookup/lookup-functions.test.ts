import { describe, it, expect } from "vitest";
import { lookupFunctions } from "@/lib/excel/functions/lookup/lookup-functions";
import { arr, callSpec, ref } from "@/test/excel/spec-harness";
import { Errors, type Scalar, type Value } from "@/lib/excel/values";

const cells: Record<string, Scalar> = {
  A1: 1, B1: "one", A2: 2, B2: "two", A3: 3, B3: "three", A4: 5, B4: "five",
  D1: "Apple", E1: 10, D2: "banana", E2: 20, D3: "Cherry", E3: 30,
};
const call = (name: string, ...args: (Value | undefined)[]) => callSpec(lookupFunctions, name, args, { cells });

describe("VLOOKUP / HLOOKUP", () => {
  it("matches exactly, case-insensitively and with wildcards", () => {
    expect(call("VLOOKUP", "BANANA", ref("D1:E3"), 2, false)).toBe(20);
    expect(call("VLOOKUP", "ch*", ref("D1:E3"), 2, false)).toBe(30);
    expect(call("VLOOKUP", "b?nana", ref("D1:E3"), 1, false)).toBe("banana");
    expect(call("VLOOKUP", 4, ref("A1:B4"), 2, false)).toBe(Errors.NA);
    expect(call("VLOOKUP", "2", ref("A1:B4"), 2, false)).toBe(Errors.NA);
  });
  it("finds the largest value not above the lookup when approximate", () => {
    expect(call("VLOOKUP", 4, ref("A1:B4"), 2)).toBe("three");
    expect(call("VLOOKUP", 99, ref("A1:B4"), 2, true)).toBe("five");
    expect(call("VLOOKUP", 0, ref("A1:B4"), 2)).toBe(Errors.NA);
  });
  it("reports bad column indexes and propagates lookup errors", () => {
    expect(call("VLOOKUP", 1, ref("A1:B4"), 3, false)).toBe(Errors.REF);
    expect(call("VLOOKUP", 1, ref("A1:B4"), 0, false)).toBe(Errors.VALUE);
    expect(call("VLOOKUP", Errors.DIV0, ref("A1:B4"), 1, false)).toBe(Errors.DIV0);
    expect(call("VLOOKUP", null, ref("A1:B4"), 1, false)).toBe(Errors.NA);
  });
  it("looks along the first row for HLOOKUP", () => {
    const table = arr([["a", "b", "c"], [1, 2, 3]]);
    expect(call("HLOOKUP", "B", table, 2, false)).toBe(2);
    expect(call("HLOOKUP", "bb", table, 2)).toBe(2);
    expect(call("HLOOKUP", "b", table, 3, false)).toBe(Errors.REF);
  });
});

describe("LOOKUP", () => {
  it("uses the vector form with a separate result vector", () => {
    expect(call("LOOKUP", 4.19, arr([[4.14], [4.19], [5.17], [5.77], [6.39]]), arr([["red"], ["orange"], ["yellow"], ["green"], ["blue"]]))).toBe("orange");
    expect(call("LOOKUP", 5.75, arr([[4.14], [4.19], [5.17], [5.77], [6.39]]), arr([["red", "orange", "yellow", "green", "blue"]]))).toBe("yellow");
    expect(call("LOOKUP", 0, arr([[4.14], [4.19]]), arr([["a"], ["b"]]))).toBe(Errors.NA);
  });
  it("uses the array form along the longer side", () => {
    expect(call("LOOKUP", "C", arr([["a", "b", "c", "d"], [1, 2, 3, 4]]))).toBe(3);
    expect(call("LOOKUP", "bump", arr([["a", 1], ["b", 2], ["c", 3]]))).toBe(2);
  });
  it("finds the last number among errors (the LOOKUP(2,1/(...)) idiom)", () => {
    expect(call("LOOKUP", 2, arr([[1], [Errors.DIV0], [1], [Errors.DIV0]]), arr([["a"], ["b"], ["c"], ["d"]]))).toBe("c");
  });
  it("extends a result reference past its end", () => {
    expect(call("LOOKUP", 3, ref("A1:A3"), ref("B1:B2"))).toBe("three");
  });
});

describe("MATCH", () => {
  const v = arr([[25], [38], [40], [41]]);
  it("supports the three match types", () => {
    expect(call("MATCH", 39, v, 1)).toBe(2);
    expect(call("MATCH", 41, v, 0)).toBe(4);
    expect(call("MATCH", 40, v)).toBe(3);
    expect(call("MATCH", 40, v, -1)).toBe(Errors.NA);
    expect(call("MATCH", 39, arr([[41], [40], [38], [25]]), -1)).toBe(2);
    expect(call("MATCH", "b*", arr([["apple", "Banana", "cherry"]]), 0)).toBe(2);
    expect(call("MATCH", 1, arr([[1, 2], [3, 4]]), 0)).toBe(Errors.NA);
  });
  it("binary-searches unsorted data like Excel", () => {
    expect(call("MATCH", 5, arr([[1], [7], [3], [4], [9]]), 1)).toBe(4);
    expect(call("MATCH", "b", arr([[1], ["a"], [2], ["c"], [3]]), 1)).toBe(2);
  });
});

describe("XLOOKUP / XMATCH", () => {
  const keys = arr([[10], [20], [30], [40]]);
  const out = arr([["a"], ["b"], ["c"], ["d"]]);
  it("handles match modes", () => {
    expect(call("XLOOKUP", 30, keys, out)).toBe("c");
    expect(call("XLOOKUP", 25, keys, out)).toBe(Errors.NA);
    expect(call("XLOOKUP", 25, keys, out, "none")).toBe("none");
    expect(call("XLOOKUP", 25, keys, out, undefined, -1)).toBe("b");
    expect(call("XLOOKUP", 25, keys, out, undefined, 1)).toBe("c");
    expect(call("XLOOKUP", 45, keys, out, undefined, 1)).toBe(Errors.NA);
    expect(call("XLOOKUP", "ch*", ref("D1:D3"), ref("E1:E3"), undefined, 2)).toEqual({ kind: "reference", areas: [{ sheet: "Sheet1", top: 2, left: 4, bottom: 2, right: 4 }] });
    expect(call("XLOOKUP", 1, keys, out, undefined, 3)).toBe(Errors.VALUE);
  });
  it("handles search modes", () => {
    const dup = arr([[1], [2], [1]]);
    const res = arr([["first"], ["mid"], ["last"]]);
    expect(call("XLOOKUP", 1, dup, res, undefined, 0, -1)).toBe("last");
    expect(call("XLOOKUP", 1, dup, res, undefined, 0, 1)).toBe("first");
    expect(call("XLOOKUP", 25, keys, out, undefined, 1, 2)).toBe("c");
    expect(call("XLOOKUP", 25, keys, out, undefined, -1, 2)).toBe("b");
    expect(call("XLOOKUP", 25, arr([[40], [30], [20], [10]]), out, undefined, -1, -2)).toBe("c");
    expect(call("XLOOKUP", 1, keys, out, undefined, 0, 0)).toBe(Errors.VALUE);
  });
  it("returns whole rows and checks shapes", () => {
    expect(call("XLOOKUP", 2, ref("A1:A4"), ref("A1:B4"))).toEqual({ kind: "reference", areas: [{ sheet: "Sheet1", top: 1, left: 0, bottom: 1, right: 1 }] });
    expect(call("XLOOKUP", "b", arr([["a", "b"]]), arr([[1, 2], [3, 4]]))).toEqual(arr([[2], [4]]));
    expect(call("XLOOKUP", 1, keys, arr([["a"], ["b"]]))).toBe(Errors.VALUE);
  });
  it("finds positions with XMATCH", () => {
    expect(call("XMATCH", 30, keys)).toBe(3);
    expect(call("XMATCH", 35, keys, 1)).toBe(4);
    expect(call("XMATCH", 35, keys, -1)).toBe(3);
    expect(call("XMATCH", 99, keys)).toBe(Errors.NA);
    expect(call("XMATCH", Errors.REF, keys)).toBe(Errors.REF);
  });
});

describe("error arguments", () => {
  it("reports an error passed as the table before searching", () => {
    expect(call("VLOOKUP", 1, Errors.REF, 2, false)).toBe(Errors.REF);
    expect(call("MATCH", 1, Errors.REF, 0)).toBe(Errors.REF);
    expect(call("XLOOKUP", 1, arr([[1]]), Errors.DIV0)).toBe(Errors.DIV0);
    expect(call("VLOOKUP", Errors.NA, Errors.REF, 2, false)).toBe(Errors.NA);
    expect(call("VLOOKUP", "x", "Nothing", 1)).toBe(Errors.VALUE);
    expect(call("HLOOKUP", "x", "Nothing", 1)).toBe(Errors.VALUE);
    expect(call("HLOOKUP", "x", true, 1)).toBe(Errors.NA);
    expect(call("VLOOKUP", 3, 3, 1)).toBe(3);
  });
});

describe("Excel's search quirks", () => {
  it("stops an approximate search at an equal probe, returning the last of equal neighbours", () => {
    expect(call("LOOKUP", "DOUBLE", arr([["DOUBLE", "BLANK", "STRING", "REF", "AREA"]]), arr([[1.1, null, "s", 9, 2.3]]))).toBe(1.1);
    expect(call("MATCH", 2, arr([[1, 2, 2, 2, 3]]), 1)).toBe(4);
    expect(call("MATCH", 0, arr([[3, 2, 2]]), -1)).toBe(3);
  });
  it("compares across types in XLOOKUP's binary search", () => {
    const keys = arr([[9700], ["xyz"], ["xyz"], [160726], [204100], [510300]]);
    const rates = arr([[0.1], [0.22], [0.24], [0.32], [0.35], [0.37]]);
    expect(call("XLOOKUP", 46523, keys, rates, 0, 1, 2)).toBe(0.22);
    expect(call("XLOOKUP", 9700, keys, rates, "none", 0, 2)).toBe(0.1);
    expect(call("XLOOKUP", 204100, keys, rates, "none", 0, 2)).toBe("none");
  });
});
