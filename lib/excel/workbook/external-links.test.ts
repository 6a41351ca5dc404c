import { describe, expect, it } from "vitest";
import { readExternalBooks } from "@/lib/excel/workbook/external-links";
import { type WorkbookParts, workbookParts } from "@/lib/excel/workbook/workbook-parts";
import { Errors } from "@/lib/excel/values";

const parts: Record<string, string> = {
  "xl/workbook.xml": `<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><externalReferences><externalReference r:id="rId7"/><externalReference r:id="rId8"/></externalReferences></workbook>`,
  "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId7" Type="x/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rId8" Type="x/externalLink" Target="externalLinks/externalLink2.xml"/></Relationships>`,
  "xl/externalLinks/externalLink1.xml": `<externalLink><externalBook r:id="rId1"><sheetNames><sheetName val="Estimate"/><sheetName val="Q&amp;A"/></sheetNames><sheetDataSet><sheetData sheetId="0" refreshError="1"><row r="6"><cell r="H6"><v>6216235</v></cell></row></sheetData><sheetData sheetId="1"><row r="1"><cell r="A1" t="s"><v>R&amp;D</v></cell><cell r="B1" t="b"><v>1</v></cell><cell r="C1" t="e"><v>#N/A</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  "xl/externalLinks/externalLink2.xml": `<externalLink><externalBook r:id="rId1"><sheetNames><sheetName val="Other"/></sheetNames></externalBook></externalLink>`,
};

function partsOf(texts: Record<string, string>): WorkbookParts {
  const parts = new Map(Object.entries(texts).map(([name, text]) => [name.toLowerCase(), { name, bytes: new TextEncoder().encode(text) }]));
  return workbookParts({ format: "ooxml", workbookPath: "xl/workbook.xml", parts });
}

describe("readExternalBooks", () => {
  it("reads each external book's cached cells in externalReferences order", () => {
    const books = readExternalBooks(partsOf(parts));
    expect(books).toHaveLength(2);
    expect(books[0]?.sheets.map((s) => s.name)).toEqual(["Estimate", "Q&A"]);
    expect(books[0]?.sheets[0]?.cells.get("H6")).toBe(6216235);
    expect(books[0]?.sheets[1]?.cells.get("A1")).toBe("R&D");
    expect(books[0]?.sheets[1]?.cells.get("B1")).toBe(true);
    expect(books[0]?.sheets[1]?.cells.get("C1")).toBe(Errors.NA);
    expect(books[1]?.sheets[0]?.cells.size).toBe(0);
  });

  it("is empty for a workbook without external references", () => {
    expect(readExternalBooks(partsOf({ "xl/workbook.xml": "<workbook/>" }))).toEqual([]);
  });
});
