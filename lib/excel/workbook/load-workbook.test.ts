import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { Errors } from "@/lib/excel/values";
import { writeXlsxWithoutValues } from "@/test/workbooks/write-xlsx-without-values";

function writeXlsx(sheets: Record<string, XLSX.WorkSheet>, names: { Name: string; Ref: string; Sheet?: number }[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, ws, name);
  book.Workbook = { ...book.Workbook, Names: names };
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

function sampleSheet(): XLSX.WorkSheet {
  return {
    "!ref": "A1:E3",
    A1: { t: "s", v: "Item" },
    B1: { t: "s", v: "Qty" },
    C1: { t: "s", v: "Total" },
    A2: { t: "s", v: "pen" },
    B2: { t: "n", v: 3 },
    C2: { t: "n", v: 6, f: "Sales[[#This Row],[Qty]]*2" },
    A3: { t: "s", v: "ink" },
    B3: { t: "n", v: 4 },
    C3: { t: "n", v: 8, f: "Sales[[#This Row],[Qty]]*2" },
    E1: { t: "n", v: 7, f: "SUM(Sales[Qty])" },
    E2: { t: "n", v: 0.5, f: "Rate" },
    E3: { t: "e", v: 0x07, f: "1/0" },
  } as XLSX.WorkSheet;
}

/** Adds a table part for A1:C3 named Sales to an xlsx written by SheetJS (which cannot write tables). */
function withTable(bytes: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: "array" } as never);
  const table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Sales" displayName="Sales" ref="A1:C3"><tableColumns count="3"><tableColumn id="1" name="Item"/><tableColumn id="2" name="Qty"/><tableColumn id="3" name="Total"/></tableColumns></table>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`;
  XLSX.CFB.utils.cfb_add(cfb, "xl/tables/table1.xml", new TextEncoder().encode(table) as never);
  XLSX.CFB.utils.cfb_add(cfb, "xl/worksheets/_rels/sheet1.xml.rels", new TextEncoder().encode(rels) as never);
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: "zip", type: "array" } as never) as ArrayBuffer);
}

function expectLoadError(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookLoadError);
    expect((error as WorkbookLoadError).code).toBe(code);
    return;
  }
  throw new Error("expected a WorkbookLoadError");
}

describe("loadWorkbook", () => {
  it("reads values, formulas, cached values, defined names and tables", () => {
    const bytes = withTable(writeXlsx({ Data: sampleSheet() }, [{ Name: "Rate", Ref: "Data!$B$2/6" }]));
    const workbook = loadWorkbook(bytes, { fileName: "book.xlsx" });
    const sheet = workbook.sheets[0];
    expect(sheet?.name).toBe("Data");
    expect(sheet?.cells.get("B2")?.value).toBe(3);
    expect(sheet?.cells.get("C2")).toMatchObject({ formula: "Sales[[#This Row],[Qty]]*2", value: 6, hasCachedValue: true });
    expect(sheet?.cells.get("E3")?.value).toBe(Errors.DIV0);
    expect(workbook.tables).toEqual([
      { name: "Sales", sheet: "Data", ref: "A1:C3", headerRowCount: 1, totalsRowCount: 0, columns: ["Item", "Qty", "Total"] },
    ]);
    const engine = createEngine(workbook);
    engine.setCellValue("Data!B3", 10);
    engine.recalculateAll();
    expect(engine.getValue("Data!C3")).toBe(20);
    expect(engine.getValue("Data!E1")).toBe(13);
    expect(engine.getValue("Data!E2")).toBe(0.5);
  });

  it("reads CSV text", () => {
    const workbook = loadWorkbook(new TextEncoder().encode("a,b\n1,2\n"), { fileName: "data.csv" });
    expect(workbook.sheets[0]?.cells.get("A2")?.value).toBe(1);
    expect(workbook.sheets[0]?.cells.get("B1")?.value).toBe("b");
  });

  it("refuses a truncated file as corrupt", () => {
    const bytes = writeXlsx({ Data: sampleSheet() });
    expectLoadError(() => loadWorkbook(bytes.subarray(0, Math.floor(bytes.length / 2)), { fileName: "x.xlsx" }), "corrupt");
  });

  it("refuses an empty file as corrupt", () => {
    expectLoadError(() => loadWorkbook(new Uint8Array(0)), "corrupt");
  });

  it("refuses binary data that is not a spreadsheet", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]);
    expectLoadError(() => loadWorkbook(png, { fileName: "image.png" }), "unsupported_format");
    expectLoadError(() => loadWorkbook(png), "unsupported_format");
  });

  it("refuses a zip that holds no workbook", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "word/document.xml", new TextEncoder().encode("<w:document/>") as never);
    const zip = new Uint8Array(XLSX.CFB.write(cfb, { fileType: "zip", type: "array" } as never) as ArrayBuffer);
    expectLoadError(() => loadWorkbook(zip, { fileName: "doc.docx" }), "unsupported_format");
  });

  it("refuses password-protected workbooks", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "EncryptionInfo", new Uint8Array(64) as never);
    XLSX.CFB.utils.cfb_add(cfb, "EncryptedPackage", new Uint8Array(4096) as never);
    const ole = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" } as never) as ArrayBuffer);
    expectLoadError(() => loadWorkbook(ole, { fileName: "secret.xlsx" }), "encrypted");
  });

  it("drops cells a damaged file puts beyond Excel's grid instead of walking a billion empty rows", () => {
    const workbook = loadWorkbook(writeXlsxWithoutValues({ sheets: { S: { A1: 1, A1000000000: 2, XFE1: 3, XFD1048576: 4 } } }), { fileName: "far.xlsx" });
    expect([...(workbook.sheets[0]?.cells.keys() ?? [])].sort()).toEqual(["A1", "XFD1048576"]);
  });
});
