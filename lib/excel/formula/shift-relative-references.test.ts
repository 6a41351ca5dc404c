import { describe, expect, it } from "vitest";
import { hasRelativeReference, shiftRelativeReferences } from "@/lib/excel/formula/shift-relative-references";

describe("shiftRelativeReferences", () => {
  it("moves relative rows and columns, keeps absolute ones", () => {
    expect(shiftRelativeReferences("Worksheet!$B1", 4, 2)).toBe("Worksheet!$B5");
    expect(shiftRelativeReferences("Worksheet!A$4:A$8", 9, 1)).toBe("Worksheet!B$4:B$8");
    expect(shiftRelativeReferences("A1*$C$3+B2", 1, 1)).toBe("B2*$C$3+C3");
  });

  it("wraps past the last row and column as Excel does", () => {
    expect(shiftRelativeReferences("A1048576", 1, 0)).toBe("A1");
    expect(shiftRelativeReferences("XFD1", 0, 2)).toBe("B1");
  });

  it("leaves strings, quoted sheet names and function names alone", () => {
    expect(shiftRelativeReferences('LOG10(A1)&"B2"', 1, 0)).toBe('LOG10(A2)&"B2"');
    expect(shiftRelativeReferences("'Q1 A1'!A1", 0, 1)).toBe("'Q1 A1'!B1");
  });

  it("tells names with relative references from absolute ones", () => {
    expect(hasRelativeReference("Sheet1!$B1")).toBe(true);
    expect(hasRelativeReference("Sheet1!$A$1:$B$4")).toBe(false);
    expect(hasRelativeReference("LOG10(2)")).toBe(false);
  });
});
