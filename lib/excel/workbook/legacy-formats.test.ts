import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { measureFidelity } from "@/lib/excel/fidelity";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { Errors } from "@/lib/excel/values";

/**
 * .xls, .ods, .xlsb and the other files Excel opens as workbooks. legacy.xls (BIFF8) and legacy.ods were
 * saved by LibreOffice 7.4 (`soffice --headless --convert-to xls|ods`) from an openpyxl-style workbook:
 * Inputs!B1:B4 = 0.05, 1000, 3, "loan"; names Rate = Inputs!$B$1, Amount = Inputs!$B$2 and, scoped to
 * Report, Years = Inputs!$B$3; formulas on Report using them, a shared formula (A6:A8) and an array formula.
 */
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, "../../../test/fixtures/workbooks", name)));

function book(sheets: Record<string, XLSX.WorkSheet>, names: { Name: string; Ref: string; Sheet?: number }[]): XLSX.WorkBook {
  const out = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(out, ws, name);
  out.Workbook = { Names: names };
  return out;
}

const sample = (): XLSX.WorkBook =>
  book({ S: XLSX.utils.aoa_to_sheet([[1, 2], [3, { t: "n", f: "A1+B1", v: 3 }], ["x", true]]) }, [
    { Name: "Rate", Ref: "S!$A$1" },
    { Name: "Local", Ref: "S!$B$1", Sheet: 0 },
  ]);

describe.each(["legacy.xls", "legacy.ods"])("%s saved by LibreOffice", (name) => {
  const workbook = loadWorkbook(fixture(name), { fileName: name });
  const report = workbook.sheets.find((s) => s.name === "Report");

  it("reads formulas (in Excel's syntax), cached values and defined names with their scope", () => {
    expect(report?.cells.get("A1")).toMatchObject({ formula: "Amount*Rate", value: 50, hasCachedValue: true });
    expect(report?.cells.get("B1")).toMatchObject({ formula: "SUM(Inputs!B1:B3)", value: 1003.05 });
    expect(report?.cells.get("A4")?.value).toBe(Errors.DIV0);
    expect(report?.cells.get("A7")).toMatchObject({ formula: "Inputs!B2*2", value: 2000 });
    expect(report?.cells.get("B4")).toMatchObject({ arrayRange: "B4", value: 2006.1 });
    expect(workbook.names).toEqual(
      expect.arrayContaining([
        { name: "Rate", formula: "Inputs!$B$1" },
        { name: "Amount", formula: "Inputs!$B$2" },
        { name: "Years", formula: "Inputs!$B$3", scope: "Report" },
      ]),
    );
  });

  it("recomputes every formula to the value LibreOffice saved", () => {
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("Report!A3")).toBe("LOAN-3");
    const fidelity = measureFidelity(workbook, engine);
    expect(fidelity.total).toBe(12);
    expect(fidelity.matched).toBe(name.endsWith(".ods") ? 11 : 12); // LibreOffice saves TRUE() as the number 1 in .ods
  });
});

describe("other files Excel opens as workbooks", () => {
  it("reads .xlsb values and names", () => {
    const workbook = loadWorkbook(new Uint8Array(XLSX.write(sample(), { type: "array", bookType: "xlsb" }) as ArrayBuffer), { fileName: "book.xlsb" });
    expect(workbook.sheets[0]?.cells.get("B2")?.value).toBe(3);
    expect(workbook.names).toEqual([{ name: "Rate", formula: "S!$A$1" }, { name: "Local", formula: "S!$B$1", scope: "S" }]);
  });

  it("reads .xls saved as SpreadsheetML 2003, HTML or a bare BIFF2 stream", () => {
    const xml = XLSX.write(sample(), { type: "string", bookType: "xlml" }) as string;
    const fromXml = loadWorkbook(new TextEncoder().encode(xml), { fileName: "report.xls" });
    expect(fromXml.sheets[0]?.cells.get("B2")).toMatchObject({ formula: "A1+B1", value: 3 });
    expect(fromXml.names).toContainEqual({ name: "Local", formula: "S!$B$1", scope: "S" });
    const html = XLSX.write(sample(), { type: "string", bookType: "html" }) as string;
    expect(loadWorkbook(new TextEncoder().encode(html), { fileName: "export.xls" }).sheets[0]?.cells.get("A3")?.value).toBe("x");
    const biff2 = new Uint8Array(XLSX.write(sample(), { type: "array", bookType: "biff2" }) as ArrayBuffer);
    expect(loadWorkbook(biff2, { fileName: "old.xls" }).sheets[0]?.cells.get("B1")?.value).toBe(2);
  });

  it("still refuses binary data that is none of these", () => {
    expect(() => loadWorkbook(new Uint8Array([0x09, 0x08, 0x10, 0x00, 0, 6, 5, 0, 0xff, 0]), { fileName: "x.png" })).toThrow(/not a spreadsheet/);
  });
});
