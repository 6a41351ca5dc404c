import { describe, expect, it } from "vitest";
import { scanFormulaShape, sharesRefs, withRefs } from "@/lib/excel/engine/formula-shape";
import { parseFormula } from "@/lib/excel/formula/parse-formula";

/** Parsing `text` through the shape of `template` must give the tree parsing `text` itself gives. */
function viaTemplate(template: string, text: string) {
  const a = scanFormulaShape(template);
  const b = scanFormulaShape(text);
  expect(b.key).toBe(a.key);
  const ast = parseFormula(template);
  expect(sharesRefs(ast, a.refs)).toBe(true);
  return withRefs(ast, b.refs);
}

describe("scanFormulaShape", () => {
  it("gives filled-down formulas one shape and keeps their references", () => {
    const a = scanFormulaShape("IF(C1>50,C1-A1,$B$1)");
    const b = scanFormulaShape("IF(C20>50,C20-A20,$B$1)");
    expect(a.key).toBe(b.key);
    expect(b.refs.map((r) => [r.kind, r.top, r.left])).toEqual([
      ["cell", 19, 2],
      ["cell", 19, 2],
      ["cell", 19, 0],
      ["cell", 0, 1],
    ]);
  });

  it("reads areas in either corner order", () => {
    expect(scanFormulaShape("SUM(B5:A1)").refs).toEqual([{ kind: "area", top: 0, left: 0, bottom: 4, right: 1 }]);
  });

  it("leaves strings, quoted sheets, tables, calls, names and numbers in the shape", () => {
    const shape = scanFormulaShape(`"A1"&'B2 x'!C3&T1[D4]&LOG10(E5)&ABC&1E5&XFE1&Sheet1!F6`);
    expect(shape.refs.map((r) => [r.top, r.left])).toEqual([
      [2, 2],
      [4, 4],
      [5, 5],
    ]);
    expect(shape.key).toContain('"A1"');
    expect(shape.key).toContain("XFE1");
  });

  it("does not treat a cell-like sheet prefix or function name as a reference", () => {
    expect(scanFormulaShape("AB1!A1").refs).toHaveLength(1);
    expect(scanFormulaShape("ATAN2(1,2)").refs).toHaveLength(0);
  });
});

describe("withRefs", () => {
  it("rebuilds the tree of another text of the same shape", () => {
    for (const [template, text] of [
      ["A1*B1+1", "A977*B977+1"],
      ["VLOOKUP(MOD(A1,100)+1,Lookup!$A$1:$B$100,2,FALSE)", "VLOOKUP(MOD(A9,100)+1,Lookup!$A$1:$B$100,2,FALSE)"],
      ["-SUM(A1 : B2, C3#)%", "-SUM(D4 : E5, F6#)%"],
      ["(A1,B2) C3:D4", "(A2,B3) C4:D5"],
      ["SUM(A:A)+B1", "SUM(A:A)+B2"],
    ] as const) {
      expect(viaTemplate(template, text)).toEqual(parseFormula(text));
    }
  });

  it("refuses to share a tree whose references differ from the scan", () => {
    const shape = scanFormulaShape("[1]Sheet1!A1+B1");
    expect(sharesRefs(parseFormula("[1]Sheet1!A1+B1"), shape.refs)).toBe(false);
  });
});
