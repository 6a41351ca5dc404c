import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { Errors } from "@/lib/excel/values";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RD = 'xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"';

/** A workbook written by SheetJS with its first sheet's XML and extra parts swapped in. */
function workbookWith(sheetXml: string, parts: Record<string, string> = {}): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([[1]]), "Sheet1");
  const bytes = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  const cfb = XLSX.CFB.read(bytes, { type: "array" } as never);
  const all = { "xl/worksheets/sheet1.xml": sheetXml, ...parts };
  for (const [path, text] of Object.entries(all)) {
    const content = new TextEncoder().encode(text) as never;
    const index = cfb.FullPaths.findIndex((p: string) => p.endsWith(`/${path}`));
    const existing = index >= 0 ? cfb.FileIndex[index] : undefined;
    if (existing) {
      existing.content = content;
      existing.size = (content as Uint8Array).length;
    } else XLSX.CFB.utils.cfb_add(cfb, path, content);
  }
  return new Uint8Array(XLSX.CFB.write(cfb, { fileType: "zip", type: "array" } as never) as ArrayBuffer);
}

const sheet = (rows: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;

/** Two rich error values: errorType 13 (#CALC!) and 8 (#SPILL!), as Excel 365 saves them. */
const richErrorParts = {
  "xl/metadata.xml": `<metadata ${NS} xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"><metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes><futureMetadata name="XLRICHVALUE" count="2"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="1"/></ext></extLst></bk></futureMetadata><valueMetadata count="2"><bk><rc t="1" v="0"/></bk><bk><rc t="1" v="1"/></bk></valueMetadata></metadata>`,
  "xl/richData/rdrichvalue.xml": `<rvData ${RD} count="2"><rv s="0"><v>13</v><v>3</v></rv><rv s="0"><v>8</v><v>0</v></rv></rvData>`,
  "xl/richData/rdrichvaluestructure.xml": `<rvStructures ${RD} count="1"><s t="_error"><k n="errorType" t="i"/><k n="subType" t="i"/></s></rvStructures>`,
  // Excel relates these parts to the workbook; SheetJS's sheet is rId1.
  "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/><Relationship Id="rId8" Type="http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue" Target="richData/rdrichvalue.xml"/><Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure" Target="richData/rdrichvaluestructure.xml"/></Relationships>`,
};

describe("cached values Excel writes outside <v>", () => {
  it("reads #CALC! and #SPILL! saved as #VALUE! with value metadata", () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="e" vm="1"><f>DROP(B1:B2,-7)</f><v>#VALUE!</v></c><c r="B1" t="e" vm="2"><f>SEQUENCE(3)</f><v>#VALUE!</v></c><c r="C1" t="e"><f>1+"a"</f><v>#VALUE!</v></c></row>`,
    );
    const cells = loadWorkbook(workbookWith(xml, richErrorParts)).sheets[0]?.cells;
    expect(cells?.get("A1")?.value).toBe(Errors.CALC);
    expect(cells?.get("B1")?.value).toBe(Errors.SPILL);
    expect(cells?.get("C1")?.value).toBe(Errors.VALUE);
  });

  it("keeps #VALUE! when the metadata parts are missing", () => {
    const xml = sheet(`<row r="1"><c r="A1" t="e" vm="1"><f>DROP(B1:B2,-7)</f><v>#VALUE!</v></c></row>`);
    expect(loadWorkbook(workbookWith(xml)).sheets[0]?.cells.get("A1")?.value).toBe(Errors.VALUE);
  });

  it("reads Strict OOXML ISO dates as serials counted from 1899-12-30", () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="d"><f>B5</f><v>1899-12-30</v></c><c r="B1" t="d"><v>2024-03-01T12:00:00</v></c><c r="C1" t="d"><v>1900-03-01</v></c></row>`,
    );
    const cells = loadWorkbook(workbookWith(xml)).sheets[0]?.cells;
    expect(cells?.get("A1")?.value).toBe(0);
    expect(cells?.get("B1")?.value).toBe(45352.5);
    expect(cells?.get("C1")?.value).toBe(61);
  });

  it("lists hidden rows, zero-based", () => {
    const xml = sheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="4" hidden="true" customHeight="1"><c r="A4"><v>4</v></c></row>`);
    expect(loadWorkbook(workbookWith(xml)).sheets[0]?.hiddenRows).toEqual([1, 3]);
  });
});
