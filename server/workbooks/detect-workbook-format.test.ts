import { describe, expect, it } from "vitest";
import { write, utils } from "@e965/xlsx";
import { detectWorkbookFormat } from "@/server/workbooks/detect-workbook-format";

function xlsxBytes(): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([[1, 2]]), "Sheet1");
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("detectWorkbookFormat", () => {
  it("recognises real workbooks by content", () => {
    expect(detectWorkbookFormat("Loan.XLSX", xlsxBytes())).toBe("xlsx");
    expect(detectWorkbookFormat("data.csv", new TextEncoder().encode("a,b\n1,2\n"))).toBe("csv");
    expect(detectWorkbookFormat("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe("xls");
  });

  it("accepts .xlsb and the other files Excel saves as .xls: SpreadsheetML 2003, HTML, bare BIFF2-4", () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([[1, 2]]), "Sheet1");
    expect(detectWorkbookFormat("binary.xlsb", new Uint8Array(write(book, { type: "array", bookType: "xlsb" }) as ArrayBuffer))).toBe("xlsb");
    expect(detectWorkbookFormat("report.xls", new TextEncoder().encode(write(book, { type: "string", bookType: "xlml" }) as string))).toBe("xls");
    expect(detectWorkbookFormat("export.xls", new TextEncoder().encode(write(book, { type: "string", bookType: "html" }) as string))).toBe("xls");
    expect(detectWorkbookFormat("excel4.xls", new Uint8Array(write(book, { type: "array", bookType: "biff2" }) as ArrayBuffer))).toBe("xls");
    expect(detectWorkbookFormat("notes.xls", new TextEncoder().encode("just some words"))).toEqual({ error: expect.stringContaining("do not match") });
  });

  it("refuses an image renamed .xlsx, an empty file and other extensions", () => {
    expect(detectWorkbookFormat("photo.xlsx", PNG)).toEqual({ error: expect.stringContaining("do not match") });
    expect(detectWorkbookFormat("empty.xlsx", new Uint8Array())).toEqual({ error: expect.stringContaining("empty") });
    expect(detectWorkbookFormat("notes.txt", new TextEncoder().encode("hi"))).toEqual({ error: expect.stringContaining("not a spreadsheet") });
    expect(detectWorkbookFormat("binary.csv", PNG)).toEqual({ error: expect.stringContaining("do not match") });
  });
});
