import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { workbookFromCells } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";

describe("external references", () => {
  it("evaluate to the values the file cached for the other workbook", () => {
    const workbook = {
      ...workbookFromCells({
        A1: "=[1]Estimate!$H$6",
        A2: "=A1-1000",
        A3: "=SUM([1]Estimate!H6:H8)",
        A4: "='[1]Q2 data'!B2",
        A5: "=[2]Estimate!H6",
        A6: "=[1]Missing!A1",
        A7: "=[1]!Rate",
        A8: "=[1]Estimate!Z99",
      }),
      externalBooks: [
        {
          sheets: [
            { name: "Estimate", cells: new Map([["H6", 6216235], ["H8", 100]]) },
            { name: "Q2 data", cells: new Map([["B2", "north"]]) },
          ],
        },
      ],
    };
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("A1")).toBe(6216235);
    expect(engine.getValue("A2")).toBe(6215235);
    expect(engine.getValue("A3")).toBe(6216335);
    expect(engine.getValue("A4")).toBe("north");
    expect(engine.getValue("A5")).toBe(Errors.REF);
    expect(engine.getValue("A6")).toBe(Errors.REF);
    expect(engine.getValue("A7")).toBe(Errors.REF);
    expect(engine.getValue("A8")).toBe(0);
  });
});
