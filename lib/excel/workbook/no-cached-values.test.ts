import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { Errors, type Scalar } from "@/lib/excel/values";
import { writeXlsxWithoutValues, type WorkbookInput } from "@/test/workbooks/write-xlsx-without-values";

/**
 * A second check beside the corpus: workbooks written as openpyxl writes them (formulas, no cached values),
 * each expected value taken from the example in Microsoft's documentation of the function, not from a run.
 */
function evaluate(input: WorkbookInput): (ref: string) => Scalar {
  const workbook = loadWorkbook(writeXlsxWithoutValues(input), { fileName: "generated.xlsx" });
  for (const sheet of workbook.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined) expect(cell).toMatchObject({ hasCachedValue: false, value: null });
  }
  const engine = createEngine(workbook);
  engine.recalculateAll();
  return (ref) => engine.getValue(ref);
}

describe("workbooks saved without cached values", () => {
  it("computes plain formulas (openpyxl's `=A1+1`)", () => {
    const value = evaluate({ sheets: { Sheet: { A1: 1, A2: "=A1+1", A3: "=A2*10", A4: '="Total: "&A3' } } });
    expect(value("Sheet!A2")).toBe(2);
    expect(value("Sheet!A3")).toBe(20);
    expect(value("Sheet!A4")).toBe("Total: 20");
  });

  it("computes the documentation's examples of ROUND, MOD, INT, LEFT, DATE and IF", () => {
    const value = evaluate({
      sheets: {
        Docs: {
          A1: "=ROUND(2.15, 1)", // 2.2
          A2: "=ROUND(-1.475, 2)", // -1.48
          A3: "=ROUND(21.5, -1)", // 20
          B1: "=MOD(3, 2)", // 1
          B2: "=MOD(-3, 2)", // 1
          B3: "=MOD(3, -2)", // -1
          C1: "=INT(8.9)", // 8
          C2: "=INT(-8.9)", // -9
          D1: "Sale Price",
          D2: "=LEFT(D1, 4)", // "Sale"
          E1: "=DATE(2008, 1, 1)", // 39448
          F1: 1500,
          F2: 900,
          F3: '=IF(F1>F2, "Over Budget", "OK")', // "Over Budget"
          F4: "=1/0", // #DIV/0!
        },
      },
    });
    expect([value("Docs!A1"), value("Docs!A2"), value("Docs!A3")]).toEqual([2.2, -1.48, 20]);
    expect([value("Docs!B1"), value("Docs!B2"), value("Docs!B3")]).toEqual([1, 1, -1]);
    expect([value("Docs!C1"), value("Docs!C2")]).toEqual([8, -9]);
    expect(value("Docs!D2")).toBe("Sale");
    expect(value("Docs!E1")).toBe(39448);
    expect(value("Docs!F3")).toBe("Over Budget");
    expect(value("Docs!F4")).toBe(Errors.DIV0);
  });

  it("computes shared formulas, each cell with its own relative references", () => {
    const value = evaluate({ sheets: { S: { A1: 10, A2: 20, A3: 30, B1: { shared: "A1*2", ref: "B1:B3" }, C1: { shared: "SUM($A$1:A1)", ref: "C1:C3" } } } });
    expect([value("S!B1"), value("S!B2"), value("S!B3")]).toEqual([20, 40, 60]);
    expect([value("S!C1"), value("S!C2"), value("S!C3")]).toEqual([10, 30, 60]);
  });

  it("computes array formulas over their whole range", () => {
    // SUM(B2:B5*C2:C5) is the documentation's array example: units times prices, summed.
    const value = evaluate({
      sheets: { S: { B2: 5, B3: 4, B4: 3, B5: 2, C2: 2, C3: 3, C4: 4, C5: 5, D1: { array: "SUM(B2:B5*C2:C5)", ref: "D1" }, E2: { array: "B2:B5*C2:C5", ref: "E2:E5" } } },
    });
    expect(value("S!D1")).toBe(10 + 12 + 12 + 10);
    expect([value("S!E2"), value("S!E3"), value("S!E4"), value("S!E5")]).toEqual([10, 12, 12, 10]);
  });

  it("resolves workbook and sheet-scoped defined names across sheets", () => {
    const value = evaluate({
      sheets: {
        Inputs: { A1: 0.05, A2: 1000, B1: "=Amount*Rate" },
        Report: { A1: 3, B1: "=Amount*Rate*Years", B2: "=Years" },
      },
      names: [
        { name: "Rate", formula: "Inputs!$A$1" },
        { name: "Amount", formula: "Inputs!$A$2" },
        { name: "Years", formula: "Report!$A$1", sheet: "Report" },
      ],
    });
    expect(value("Inputs!B1")).toBe(50);
    expect(value("Report!B1")).toBe(150);
    expect(value("Report!B2")).toBe(3);
  });

  it("computes lookups from the documentation (VLOOKUP exact, MATCH approximate, INDEX)", () => {
    const value = evaluate({
      sheets: {
        Parts: {
          A1: 101, B1: "Bolt", A2: 102, B2: "Nut", A3: 103, B3: "Washer",
          C1: 25, C2: 38, C3: 40, C4: 41,
          D1: "=VLOOKUP(102, A1:B3, 2, FALSE)", // "Nut"
          D2: "=MATCH(39, C1:C4, 1)", // 2: the largest value less than or equal to 39 is 38
          D3: "=INDEX(B1:B3, 3)", // "Washer"
          D4: "=VLOOKUP(104, A1:B3, 2, FALSE)", // #N/A
        },
      },
    });
    expect(value("Parts!D1")).toBe("Nut");
    expect(value("Parts!D2")).toBe(2);
    expect(value("Parts!D3")).toBe("Washer");
    expect(value("Parts!D4")).toBe(Errors.NA);
  });

  it("finds parts at unusual paths through the relationships", () => {
    const value = evaluate({
      sheets: { Main: { A1: 4, A2: "=A1^2" }, Second: { A1: "=Main!A2+1" } },
      partNames: { workbook: "spreadsheet/book.xml", sheet: (i) => `content/pages/page-${i}.xml` },
    });
    expect(value("Main!A2")).toBe(16);
    expect(value("Second!A1")).toBe(17);
  });
});
