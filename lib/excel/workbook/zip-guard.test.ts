import { describe, expect, it } from "vitest";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { openSpreadsheetPackage } from "@/lib/excel/workbook/open-package";
import { DEFAULT_ZIP_LIMITS, InflateBudget, INPUT_SLICE, type ZipLimits } from "@/lib/excel/workbook/zip-guard";
import { writeZip, zeroBomb, type ZipInput } from "@/test/workbooks/write-zip";
import { writeXlsxWithoutValues } from "@/test/workbooks/write-xlsx-without-values";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Deflate's largest expansion: what one slice of packed input can become, plus the 32 KiB window. */
const SLICE_OUTPUT = INPUT_SLICE * 1032 + 32 * 1024;

/** A workbook package whose worksheets are the given entries (named xl/worksheets/sheetN.xml). */
function workbookOf(sheets: Omit<ZipInput, "name">[], extra: ZipInput[] = []): Uint8Array {
  const list = sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return writeZip([
    {
      name: "[Content_Types].xml",
      content: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    { name: "_rels/.rels", content: `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", content: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${list}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", content: `<Relationships>${rels}</Relationships>` },
    ...sheets.map((sheet, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
    ...extra,
  ]);
}

function refusal(run: () => unknown): WorkbookLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookLoadError);
    return error as WorkbookLoadError;
  }
  throw new Error("expected a WorkbookLoadError");
}

describe("zip bombs", () => {
  it("refuses a part that declares 0 bytes and inflates 1000x, before SheetJS reads it", () => {
    const bytes = workbookOf([{ deflated: zeroBomb(150 * 1024 * 1024), declaredSize: 0 }]);
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const error = refusal(() => loadWorkbook(bytes, { fileName: "bomb.xlsx" }));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/expands more than 250 times its packed size \(a zip bomb\?\)/);
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS, bytes.byteLength);
    refusal(() => openSpreadsheetPackage(bytes, DEFAULT_ZIP_LIMITS, budget));
    expect(budget.inflated).toBeLessThanOrEqual(bytes.byteLength * DEFAULT_ZIP_LIMITS.maxRatio + SLICE_OUTPUT);
  });

  it("counts real bytes: the total cap stops a lying entry after at most one slice beyond it", () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 8 * 1024 * 1024, maxRatio: 1e9 };
    const bytes = workbookOf([{ deflated: zeroBomb(64 * 1024 * 1024), declaredSize: 100 }]);
    const budget = new InflateBudget(limits, bytes.byteLength);
    const error = refusal(() => openSpreadsheetPackage(bytes, limits, budget));
    expect(error.message).toMatch(/more than 8 MB when unpacked/);
    expect(budget.inflated).toBeGreaterThan(limits.maxUncompressedBytes);
    expect(budget.inflated).toBeLessThanOrEqual(limits.maxUncompressedBytes + SLICE_OUTPUT);
  });

  it("caps one part even when the whole stays under the total", () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 4 * 1024 * 1024, maxRatio: 1e9 };
    const bytes = workbookOf([{ deflated: zeroBomb(16 * 1024 * 1024), declaredSize: 1024 }]);
    const budget = new InflateBudget(limits, bytes.byteLength);
    expect(refusal(() => openSpreadsheetPackage(bytes, limits, budget)).message).toMatch(/xl\/worksheets\/sheet1\.xml expands to more than 4 MB/);
    expect(budget.inflated).toBeLessThanOrEqual(limits.maxEntryBytes + SLICE_OUTPUT + 4096);
  });

  it("refuses many parts each small enough to pass alone (the whole file's ratio)", () => {
    const slice = { deflated: zeroBomb(1024 * 1024), declaredSize: 10 };
    const bytes = workbookOf(Array.from({ length: 40 }, () => slice));
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS, bytes.byteLength);
    expect(refusal(() => openSpreadsheetPackage(bytes, DEFAULT_ZIP_LIMITS, budget)).code).toBe("too_large");
    expect(budget.inflated).toBeLessThanOrEqual(bytes.byteLength * DEFAULT_ZIP_LIMITS.maxRatio + SLICE_OUTPUT);
  });

  it("refuses more entries than a workbook may have without inflating any", () => {
    const entries = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `xl/media/p${i}.bin`, store: true }));
    const bytes = workbookOf([{ content: "<worksheet/>" }], entries);
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS, bytes.byteLength);
    expect(refusal(() => openSpreadsheetPackage(bytes, DEFAULT_ZIP_LIMITS, budget)).message).toMatch(/has 10006 parts, more than the 10000/);
    expect(budget.inflated).toBe(0);
  });

  it("counts stored (uncompressed) parts too", () => {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024 };
    const bytes = workbookOf([{ content: new Uint8Array(2 * 1024 * 1024), store: true }]);
    expect(refusal(() => openSpreadsheetPackage(bytes, limits)).code).toBe("too_large");
  });

  it("never inflates a nested archive or image it does not read", () => {
    const nested = workbookOf([{ deflated: zeroBomb(150 * 1024 * 1024), declaredSize: 0 }]);
    const sheetRels = `<Relationships><Relationship Id="rId1" Type="${REL}/package" Target="../embeddings/inner.xlsx"/><Relationship Id="rId2" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`;
    const bytes = workbookOf(
      [{ content: `<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>` }],
      [
        { name: "xl/worksheets/_rels/sheet1.xml.rels", content: sheetRels },
        { name: "xl/embeddings/inner.xlsx", content: nested, store: true },
        { name: "xl/media/image1.png", deflated: zeroBomb(150 * 1024 * 1024), declaredSize: 10 },
      ],
    );
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS, bytes.byteLength);
    openSpreadsheetPackage(bytes, DEFAULT_ZIP_LIMITS, budget);
    expect(budget.inflated).toBeLessThan(4096);
    expect(loadWorkbook(bytes, { fileName: "nested.xlsx" }).sheets[0]?.cells.get("A1")?.value).toBe(7);
  });

  it("refuses a zip that only wraps another archive (SheetJS would unpack it unguarded)", () => {
    const inner = writeXlsxWithoutValues({ sheets: { S: { A1: 1 } } });
    for (const name of ["book.xlsx", "Index.zip"]) {
      expect(refusal(() => loadWorkbook(writeZip([{ name, content: inner, store: true }]), { fileName: "outer.xlsx" })).code).toBe("unsupported_format");
    }
  });

  it("refuses a truncated deflate stream and a part that lies outside the file as damaged", () => {
    const good = workbookOf([{ content: "<worksheet><sheetData/></worksheet>" }]);
    const stream = zeroBomb(1024 * 1024);
    expect(refusal(() => loadWorkbook(workbookOf([{ deflated: stream.subarray(0, stream.length - 600) }]))).code).toBe("corrupt");
    const view = new DataView(good.buffer);
    const directory = view.getUint32(good.length - 6, true);
    view.setUint32(directory + 20, 0x7fffffff, true);
    expect(refusal(() => loadWorkbook(good)).message).toMatch(/damaged or incomplete/);
  });

  it("still opens an honest workbook", () => {
    const bytes = writeXlsxWithoutValues({ sheets: { S: { A1: 1, A2: "=A1+1" } } });
    const budget = new InflateBudget(DEFAULT_ZIP_LIMITS, bytes.byteLength);
    expect(openSpreadsheetPackage(bytes, DEFAULT_ZIP_LIMITS, budget).parts.size).toBeGreaterThan(3);
    expect(budget.inflated).toBeGreaterThan(0);
  });
});
