import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { buildLoanWorkbook, withChartAndMacros } from "@/test/fixtures/workbooks/build-workbooks";
import { mutatedBytes, mutatedPackage } from "@/test/workbooks/mutate-workbook";
import { writeXlsxWithoutValues } from "@/test/workbooks/write-xlsx-without-values";

/**
 * No input may produce anything but a workbook or a WorkbookLoadError with a message: damaged packages
 * (parts dropped, truncated, garbled, moved; relationships and content types pointing anywhere) and damaged
 * bytes of every format the loader reads. A failure that starts in our own code (a TypeError in the loader,
 * wrapped as "corrupt") fails the test too. Fixed seeds keep CI reproducible.
 */
const CODES = ["corrupt", "encrypted", "too_large", "unsupported_format"];
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(import.meta.dirname, "../../../test/fixtures/workbooks", name)));

function xlsb(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[1, "two", true], [{ t: "n", v: 3, f: "A1*3" }]]), "S");
  book.Workbook = { Names: [{ Name: "One", Ref: "S!$A$1" }] };
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsb" }) as ArrayBuffer);
}

const openpyxlStyle = writeXlsxWithoutValues({
  sheets: {
    Inputs: { A1: "Rate", B1: 0.05, A2: "Amount", B2: 1000, B3: { shared: "B1*2", ref: "B3:B6" } },
    Report: { A1: "=Amount*Rate", A2: { array: "SUM(Inputs!B1:B2*2)", ref: "A2" }, A3: '=IF(A1>10,"big","small")' },
  },
  names: [{ name: "Rate", formula: "Inputs!$B$1" }, { name: "Amount", formula: "Inputs!$B$2", sheet: "Report" }],
});

const zipped: [string, Uint8Array][] = [
  ["openpyxl-style.xlsx", openpyxlStyle],
  ["loan-with-chart-and-macros.xlsm", withChartAndMacros(buildLoanWorkbook(), "Payments", "Schedule!A2:A6", "Schedule!B2:B6")],
  ["legacy.ods", fixture("legacy.ods")],
  ["book.xlsb", xlsb()],
];
const unzipped: [string, Uint8Array][] = [
  ["legacy.xls", fixture("legacy.xls")],
  ["data.csv", new TextEncoder().encode("name,qty\napples,3\npears,=1+1\n")],
];

function loadsOrExplains(name: string, bytes: Uint8Array): void {
  try {
    const workbook = loadWorkbook(bytes, { fileName: name });
    expect(workbook.sheets.length).toBeGreaterThan(0);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookLoadError);
    const { code, message, cause } = error as WorkbookLoadError;
    expect(CODES).toContain(code);
    expect(message.length).toBeGreaterThan(10);
    const origin = cause instanceof Error ? (cause.stack?.split("\n")[1] ?? "") : "";
    expect(origin, `our own code failed: ${cause instanceof Error ? cause.stack : ""}`).not.toMatch(/[/\\]lib[/\\]excel[/\\]/);
  }
}

describe("loading damaged files", () => {
  it.each(zipped)("%s: damaged packages load or are refused with a reason", (name, bytes) => {
    fc.assert(
      fc.property(mutatedPackage(bytes), (damaged) => loadsOrExplains(name, damaged)),
      { numRuns: 120, seed: 20_241_206 },
    );
  }, 120_000);

  it.each([...zipped, ...unzipped])("%s: damaged bytes load or are refused with a reason", (name, bytes) => {
    fc.assert(
      fc.property(mutatedBytes(bytes), (damaged) => loadsOrExplains(name, damaged)),
      { numRuns: 80, seed: 20_241_207 },
    );
  }, 120_000);
});
