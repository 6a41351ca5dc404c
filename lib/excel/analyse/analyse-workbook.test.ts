import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { buildLoanWorkbook, f, withChartAndMacros, writeWorkbook } from "@/test/fixtures/workbooks/build-workbooks";

function analyse(bytes: Uint8Array) {
  return analyseWorkbook(loadWorkbook(bytes, { fileName: "book.xlsx" }), { bytes });
}

describe("analyseWorkbook", () => {
  const bytes = buildLoanWorkbook();
  const analysis = analyse(bytes);
  const input = (ref: string) => analysis.inputs.find((i) => i.ref === ref);

  it("finds the constants formulas read as inputs, typed from number formats and validation", () => {
    expect(input("Loan!B3")).toMatchObject({ label: "Amount", type: "currency", default: 200000 });
    expect(input("Loan!B4")).toMatchObject({ label: "Annual rate", type: "percent", default: 0.05 });
    expect(input("Loan!B5")).toMatchObject({ label: "Years", type: "number" });
    expect(input("Loan!B6")).toMatchObject({ label: "Start date", type: "date" });
    expect(input("Loan!B7")).toMatchObject({ type: "list", options: ["Standard", "Premium"] });
    expect(input("Loan!B8")).toMatchObject({ type: "boolean", default: true });
  });

  it("does not offer unreferenced text or table cells as form inputs", () => {
    expect(input("Loan!A1")).toBeUndefined();
    expect(analysis.inputs.some((i) => i.sheet === "Schedule")).toBe(false);
  });

  it("lists labelled formulas and formulas nothing reads as outputs", () => {
    expect(analysis.outputs.map((o) => [o.ref, o.label])).toEqual([
      ["Loan!B10", "Monthly payment"],
      ["Loan!B11", "Total paid"],
      ["Loan!B12", "End date"],
      ["Loan!B13", "Fees"],
      ["Loan!B14", "Schedule total"],
    ]);
    expect(analysis.outputs[0]?.type).toBe("currency");
  });

  it("finds the table a formula reads, widened to its neighbouring columns, and suggests a chart", () => {
    expect(analysis.tables).toEqual([
      expect.objectContaining({ sheet: "Schedule", range: "A2:C6", headers: ["Month", "Payment", "Share"], isInput: true }),
    ]);
    expect(analysis.charts[0]).toMatchObject({ sheet: "Schedule", kind: "column", source: "suggested" });
    expect(analysis.charts[0]?.series[0]).toMatchObject({ values: "Schedule!B2:B6", categories: "Schedule!A2:A6" });
    expect(analysis.pages.map((p) => p.name)).toEqual(["Loan", "Schedule"]);
  });

  it("reports unknown functions and external references with the cells they touch", () => {
    const odd = analyse(writeWorkbook({ S: [[1, f("FOOBAR(A1)"), f("[1]Other!A1+1"), f("SUM(A1)")]] }));
    expect(odd.unsupported).toContainEqual(expect.objectContaining({ kind: "unknown-functions", cells: ["S!B1"] }));
    expect(odd.unsupported).toContainEqual(expect.objectContaining({ kind: "external-links", cells: ["S!C1"] }));
    expect(odd.unsupported.some((u) => u.detail.includes("SUM"))).toBe(false);
  });

  it("turns a workbook without formulas into data tables, one page per sheet with data", () => {
    const data = analyse(writeWorkbook({ People: [["Name", "Age"], ["ann", 31], ["bob", 42]], Empty: [] }));
    expect(data.inputs).toEqual([]);
    expect(data.tables).toEqual([expect.objectContaining({ sheet: "People", range: "A2:B3", headers: ["Name", "Age"], source: "sheet-data" })]);
    expect(data.pages.map((p) => p.name)).toEqual(["People"]);
  });
});

describe("analyseWorkbook on package parts", () => {
  it("reads the workbook's charts with their series and reports macros as ignored", () => {
    const bytes = withChartAndMacros(buildLoanWorkbook(), "Payments by month", "Schedule!$A$2:$A$6", "Schedule!$B$2:$B$6");
    const analysis = analyse(bytes);
    expect(analysis.charts).toEqual([
      { sheet: "Loan", title: "Payments by month", kind: "column", source: "workbook", series: [{ name: "Payments", categories: "Schedule!A2:A6", values: "Schedule!B2:B6" }] },
    ]);
    expect(analysis.unsupported).toContainEqual(expect.objectContaining({ kind: "macros", cells: [] }));
  });
});
