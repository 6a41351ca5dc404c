import { describe, expect, it } from "vitest";
import { parseCriteria, wildcardToRegExp } from "@/lib/excel/criteria";
import { dateToSerial } from "@/lib/excel/dates";
import { Errors, type Scalar } from "@/lib/excel/values";

const sample: Scalar[] = [1, 2, 3, "1", "apple", "Apricot", "banana", "", null, true, false, Errors.NA, "a*b", 0];

function matches(criterion: Scalar): Scalar[] {
  const match = parseCriteria(criterion);
  return sample.filter((v) => match(v));
}

describe("parseCriteria", () => {
  it("matches numbers, including numeric text, for a bare number", () => {
    expect(matches(1)).toEqual([1, "1"]);
    expect(matches("1")).toEqual([1, "1"]);
    expect(matches("=2")).toEqual([2]);
  });

  it("compares numbers only for < > operators", () => {
    expect(matches(">1")).toEqual([2, 3]);
    expect(matches("<=1")).toEqual([1, 0]);
    expect(matches(">=2.5")).toEqual([3]);
  });

  it("<> number excludes only that number, so numeric text and blanks match", () => {
    expect(matches("<>1")).toEqual(sample.filter((v) => v !== 1));
  });

  it("comparison operators with nothing after them match nothing", () => {
    expect(matches("<=")).toEqual([]);
    expect(matches(">")).toEqual([]);
  });

  it("matches text case-insensitively with wildcards", () => {
    expect(matches("APPLE")).toEqual(["apple"]);
    expect(matches("a*")).toEqual(["apple", "Apricot", "a*b"]);
    expect(matches("?pple")).toEqual(["apple"]);
    expect(matches("a~*b")).toEqual(["a*b"]);
    expect(matches("<>a*")).toEqual(sample.filter((v) => !["apple", "Apricot", "a*b"].includes(v as string)));
  });

  it("compares text for < > operators against text cells only", () => {
    expect(matches(">b")).toEqual(["banana"]);
    expect(matches("<apr")).toEqual(["1", "apple", "", "a*b"]);
  });

  it("handles empty and bare operators", () => {
    expect(matches("")).toEqual(["", null]);
    expect(matches("=")).toEqual([null]);
    expect(matches("<>")).toEqual(sample.filter((v) => v !== null));
  });

  it("treats a blank criterion as 0", () => {
    expect(matches(null)).toEqual([0]);
  });

  it("matches booleans and errors", () => {
    expect(matches(true)).toEqual([true]);
    expect(matches("false")).toEqual([false]);
    expect(matches("#N/A")).toEqual([Errors.NA]);
    expect(matches(Errors.NA)).toEqual([Errors.NA]);
  });

  it("parses dates in criteria", () => {
    const serial = dateToSerial(2021, 3, 1);
    const match = parseCriteria(">=2021-03-01");
    expect(match(serial)).toBe(true);
    expect(match(serial - 1)).toBe(false);
  });
});

describe("wildcardToRegExp", () => {
  it("escapes regex characters", () => {
    expect(wildcardToRegExp("a.b(").test("a.b(")).toBe(true);
    expect(wildcardToRegExp("a.b").test("axb")).toBe(false);
    expect(wildcardToRegExp("~~").test("~")).toBe(true);
    expect(wildcardToRegExp("~d").test("d")).toBe(true);
    expect(wildcardToRegExp("a~").test("a")).toBe(true);
  });
});
