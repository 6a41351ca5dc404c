import { describe, expect, it } from "vitest";
import { utils, write } from "@e965/xlsx";
import { createEngine } from "@/lib/excel/engine";
import { measureFidelity } from "@/lib/excel/fidelity";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";

function workbookWithCachedValues(): Uint8Array {
  const sheet = utils.aoa_to_sheet([[2, 3]]);
  sheet["C1"] = { t: "n", v: 5, f: "A1+B1" };
  sheet["D1"] = { t: "n", v: 99, f: "A1*B1" };
  sheet["E1"] = { t: "n", v: 0.5, f: "RAND()" };
  sheet["F1"] = { t: "n", v: 1200, f: 'CUBEVALUE("ThisWorkbookDataModel","[Measures].[Sum of Price]")' };
  sheet["G1"] = { t: "n", v: 7, f: "[1]Other!A1" };
  sheet["!ref"] = "A1:G1";
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, "Calc");
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

describe("measureFidelity", () => {
  it("compares cached and computed values, listing mismatches first and skipping volatile, external-data and external-link cells", () => {
    const workbook = loadWorkbook(workbookWithCachedValues(), { fileName: "calc.xlsx" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    const report = measureFidelity(workbook, engine);
    expect(report).toMatchObject({ matched: 1, total: 2, skipped: 3 });
    expect(report.skippedBy).toEqual({ volatile: 1, "external data (CUBE*)": 1, "external link": 1 });
    expect(report.cells[0]).toEqual({ ref: "Calc!D1", formula: "=A1*B1", cached: 99, computed: 6, matches: false });
    expect(report.cells[1]).toMatchObject({ ref: "Calc!C1", matches: true });
  });
});

describe("measureFidelity with VBA user-defined functions", () => {
  it("skips formulas calling the workbook's VBA functions, but not built-ins a module redefines", () => {
    const loaded = loadWorkbook(workbookWithCachedValues(), { fileName: "calc.xlsx" });
    const sheet = loaded.sheets[0];
    sheet?.cells.set("H1", { value: 2, formula: "SROUND(A1)", hasCachedValue: true });
    sheet?.cells.set("I1", { value: 5, formula: "SUM(A1:B1)", hasCachedValue: true });
    const workbook = { ...loaded, vbaFunctions: ["SROUND", "SUM"] };
    const engine = createEngine(workbook);
    engine.recalculateAll();
    const report = measureFidelity(workbook, engine);
    expect(report.skippedBy["VBA function"]).toBe(1);
    expect(report).toMatchObject({ matched: 2, total: 3 });
  });
});
