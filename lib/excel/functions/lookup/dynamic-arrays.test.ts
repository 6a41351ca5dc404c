import { describe, it, expect } from "vitest";
import { arrayShapeFunctions } from "@/lib/excel/functions/lookup/array-shape";
import { dynamicArrayFunctions } from "@/lib/excel/functions/lookup/dynamic-arrays";
import { arr, callSpec, ref } from "@/test/excel/spec-harness";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...dynamicArrayFunctions, ...arrayShapeFunctions];
const cells = { A1: "b", A2: "a", A3: "B", B1: 2, B2: 1, B3: 3 };
let randoms: number[] = [];
const call = (name: string, ...args: (Value | undefined)[]) =>
  callSpec(specs, name, args, { cells, random: () => randoms.shift() ?? 0 });

describe("FILTER", () => {
  const data = arr([["x", 1], ["y", 2], ["z", 3]]);
  it("keeps rows or columns where include is true", () => {
    expect(call("FILTER", data, arr([[true], [false], [1]]))).toEqual(arr([["x", 1], ["z", 3]]));
    expect(call("FILTER", data, arr([[false, true]]))).toEqual(arr([[1], [2], [3]]));
    expect(call("FILTER", ref("A1:B3"), arr([[0], [1], [0]]))).toEqual(arr([["a", 1]]));
  });
  it("handles empty results and bad include arrays", () => {
    expect(call("FILTER", data, arr([[false], [false], [false]]))).toBe(Errors.CALC);
    expect(call("FILTER", data, arr([[false], [false], [false]]), "none")).toBe("none");
    expect(call("FILTER", data, arr([[true], [false]]))).toBe(Errors.VALUE);
    expect(call("FILTER", data, arr([[true], [Errors.DIV0], [true]]))).toBe(Errors.DIV0);
    expect(call("FILTER", data, arr([[true], ["x"], [true]]))).toBe(Errors.VALUE);
  });
});

describe("SORT / SORTBY / UNIQUE", () => {
  it("sorts by one or more keys, stable and case-insensitive", () => {
    expect(call("SORT", ref("A1:B3"))).toEqual(arr([["a", 1], ["b", 2], ["B", 3]]));
    expect(call("SORT", ref("A1:B3"), 2, -1)).toEqual(arr([["B", 3], ["b", 2], ["a", 1]]));
    expect(call("SORT", arr([[3, 1, 2]]), 1, 1, true)).toEqual(arr([[1, 2, 3]]));
    expect(call("SORT", arr([["b", 1], ["a", 2], ["b", 0]]), arr([[1, 2]]), arr([[1, -1]]))).toEqual(arr([["a", 2], ["b", 1], ["b", 0]]));
    expect(call("SORT", arr([[true], ["x"], [null], [2], [Errors.NA]]))).toEqual(arr([[2], ["x"], [true], [Errors.NA], [null]]));
    expect(call("SORT", ref("A1:B3"), 3)).toBe(Errors.VALUE);
    expect(call("SORT", ref("A1:B3"), 1, 2)).toBe(Errors.VALUE);
  });
  it("sorts by other arrays", () => {
    expect(call("SORTBY", ref("A1:A3"), ref("B1:B3"), -1)).toEqual(arr([["B"], ["b"], ["a"]]));
    expect(call("SORTBY", arr([["p", "q", "r"]]), arr([[3, 1, 2]]))).toEqual(arr([["q", "r", "p"]]));
    expect(call("SORTBY", ref("A1:A3"), arr([[1], [2]]))).toBe(Errors.VALUE);
  });
  it("keeps distinct rows", () => {
    expect(call("UNIQUE", ref("A1:A3"))).toEqual(arr([["b"], ["a"]]));
    expect(call("UNIQUE", ref("A1:A3"), false, true)).toEqual(arr([["a"]]));
    expect(call("UNIQUE", arr([[1, 1, 2]]), true)).toEqual(arr([[1, 2]]));
    expect(call("UNIQUE", arr([[1], [1]]), false, true)).toBe(Errors.CALC);
  });
});

describe("SEQUENCE / RANDARRAY", () => {
  it("generates sequences", () => {
    expect(call("SEQUENCE", 2, 3)).toEqual(arr([[1, 2, 3], [4, 5, 6]]));
    expect(call("SEQUENCE", 3, null, 10, -5)).toEqual(arr([[10], [5], [0]]));
    expect(call("SEQUENCE", 0)).toBe(Errors.CALC);
    expect(call("SEQUENCE", -1)).toBe(Errors.VALUE);
  });
  it("draws random arrays from the context", () => {
    randoms = [0.5, 0.99];
    expect(call("RANDARRAY", 1, 2, 1, 10, true)).toEqual(arr([[6, 10]]));
    randoms = [0.25];
    expect(call("RANDARRAY")).toEqual(arr([[0.25]]));
    expect(call("RANDARRAY", 1, 1, 5, 1)).toBe(Errors.VALUE);
  });
});

describe("shape functions", () => {
  const grid = arr([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  it("takes and drops", () => {
    expect(call("TAKE", grid, 2)).toEqual(arr([[1, 2, 3], [4, 5, 6]]));
    expect(call("TAKE", grid, -1, -2)).toEqual(arr([[8, 9]]));
    expect(call("TAKE", grid, null, 1)).toEqual(arr([[1], [4], [7]]));
    expect(call("TAKE", grid, 0)).toBe(Errors.CALC);
    expect(call("DROP", grid, 2)).toEqual(arr([[7, 8, 9]]));
    expect(call("DROP", grid, -1, 1)).toEqual(arr([[2, 3], [5, 6]]));
    expect(call("DROP", grid, 3)).toBe(Errors.CALC);
  });
  it("chooses rows and columns", () => {
    expect(call("CHOOSECOLS", grid, 1, -1)).toEqual(arr([[1, 3], [4, 6], [7, 9]]));
    expect(call("CHOOSEROWS", grid, arr([[3, 1]]))).toEqual(arr([[7, 8, 9], [1, 2, 3]]));
    expect(call("CHOOSECOLS", grid, 4)).toBe(Errors.VALUE);
    expect(call("CHOOSEROWS", grid, 0)).toBe(Errors.VALUE);
  });
  it("stacks with #N/A padding", () => {
    expect(call("VSTACK", arr([[1, 2]]), arr([[3]]))).toEqual(arr([[1, 2], [3, Errors.NA]]));
    expect(call("HSTACK", arr([[1], [2]]), 3)).toEqual(arr([[1, 3], [2, Errors.NA]]));
  });
  it("flattens and wraps", () => {
    expect(call("TOCOL", arr([[1, null], [Errors.NA, 4]]))).toEqual(arr([[1], [null], [Errors.NA], [4]]));
    expect(call("TOCOL", arr([[1, null], [Errors.NA, 4]]), 3)).toEqual(arr([[1], [4]]));
    expect(call("TOROW", arr([[1, 2], [3, 4]]), 0, true)).toEqual(arr([[1, 3, 2, 4]]));
    expect(call("TOROW", arr([[1]]), 4)).toBe(Errors.VALUE);
    expect(call("WRAPROWS", arr([[1, 2, 3, 4, 5]]), 2)).toEqual(arr([[1, 2], [3, 4], [5, Errors.NA]]));
    expect(call("WRAPCOLS", arr([[1, 2, 3]]), 2, 0)).toEqual(arr([[1, 3], [2, 0]]));
    expect(call("WRAPROWS", grid, 2)).toBe(Errors.VALUE);
    expect(call("WRAPROWS", arr([[1]]), 0)).toBe(Errors.NUM);
    expect(call("EXPAND", arr([[1, 2]]), 2, 3, "-")).toEqual(arr([[1, 2, "-"], ["-", "-", "-"]]));
    expect(call("EXPAND", arr([[1, 2]]), 2)).toEqual(arr([[1, 2], [Errors.NA, Errors.NA]]));
    expect(call("EXPAND", arr([[1, 2]]), 1, 1)).toBe(Errors.VALUE);
  });
});
