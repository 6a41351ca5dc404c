/**
 * What kind of spreadsheet a file is, from its first bytes rather than its name, so an image renamed `.xlsx`
 * is refused before anything parses it. Where the parts of a zipped workbook live is the loader's business
 * (it finds them through the package's relationships); this only checks the container.
 */
import { isBareBiff, isCompoundDocument, isText, isZip } from "@/lib/excel/workbook/detect-file-kind";

export type WorkbookFormat = "xlsx" | "xlsb" | "xls" | "ods" | "csv";

export const ACCEPTED_EXTENSIONS = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv"] as const;

const ZIPPED: Record<string, WorkbookFormat> = { ".xlsx": "xlsx", ".xlsm": "xlsx", ".xlsb": "xlsb", ".ods": "ods" };

/** Excel also saves (and opens) .xls files that are SpreadsheetML 2003 XML or HTML. */
function isMarkup(bytes: Uint8Array): boolean {
  return isText(bytes) && /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, ""));
}

export function detectWorkbookFormat(fileName: string, bytes: Uint8Array): WorkbookFormat | { error: string } {
  const extension = fileName.slice(fileName.lastIndexOf(".")).toLowerCase();
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return { error: `"${fileName}" is not a spreadsheet. Upload an .xlsx, .xlsm, .xlsb, .xls, .ods or .csv file.` };
  }
  if (bytes.length === 0) return { error: `"${fileName}" is empty.` };
  if (isZip(bytes)) return ZIPPED[extension] ?? "xlsx";
  // Password-protected .xlsx files are OLE containers too; the parser reports them as encrypted.
  if (isCompoundDocument(bytes)) return "xls";
  if (extension === ".xls" && (isBareBiff(bytes) || isMarkup(bytes))) return "xls";
  if (extension === ".csv" && isText(bytes)) return "csv";
  return { error: `"${fileName}" is not a readable spreadsheet: its contents do not match its ${extension} extension.` };
}
