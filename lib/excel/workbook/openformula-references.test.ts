import { describe, expect, it } from "vitest";
import { openFormulaToA1 } from "@/lib/excel/workbook/openformula-references";

describe("openFormulaToA1 (ODF 1.2 Part 2, 5.8 references)", () => {
  it.each([
    ["SUM([.A1:.B2])", "SUM(A1:B2)"],
    ["[.$A$1]*2", "$A$1*2"],
    ["SUM([Inputs.B1:.B3])", "SUM(Inputs!B1:B3)"],
    ["[$Inputs.$B$1]", "Inputs!$B$1"],
    ["['Q1 data'.A1]+['It''s'.B2]", "'Q1 data'!A1+'It''s'!B2"],
    ["SUM([Jan.A1:Mar.B2])", "SUM(Jan:Mar!A1:B2)"],
    ["[Sheet1.A1:Sheet1.B4]", "Sheet1!A1:B4"],
    ["[.A:.A]", "A:A"],
    ["[.#REF!]+1", "#REF!+1"],
    ['"[.A1] stays"&[.A1]', '"[.A1] stays"&A1'],
    ['"say ""[x]"""&[.B1]', '"say ""[x]"""&B1'],
  ])("%s -> %s", (from, to) => {
    expect(openFormulaToA1(from)).toBe(to);
  });
});
