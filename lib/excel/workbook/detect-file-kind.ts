/**
 * What container a spreadsheet file is, from its first bytes: a ZIP package (.xlsx, .xlsm, .xlsb, .ods), an
 * OLE compound document (.xls BIFF5/8, or an encrypted OOXML workbook), a bare BIFF2-4 stream (Excel 2-4
 * .xls), or text: delimited (.csv, .tsv, .txt) or markup Excel also saves and opens as .xls (SpreadsheetML
 * 2003 XML, HTML tables). The file name only decides how text is taken, and words the messages.
 */
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";

export type FileKind = "zip" | "ole" | "biff" | "text";

const DELIMITED = new Set(["csv", "tsv", "txt"]);
const MARKUP = new Set(["xls", "xml", "htm", "html"]);

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

export function isCompoundDocument(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** A BIFF2, BIFF3 or BIFF4 BOF record (type 0x0009, 0x0209 or 0x0409) opening a bare worksheet stream. */
export function isBareBiff(bytes: Uint8Array): boolean {
  return bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1] ?? -1) && bytes[3] === 0x00 && (bytes[2] ?? 0) >= 4 && (bytes[2] ?? 0) <= 0x10;
}

/** UTF-16 text with a byte order mark, or text with no NUL byte in its first 4 KiB. */
export function isText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, 4096).includes(0);
}

function startsWithMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : bytes[0] === 0xfe ? "utf-16be" : "utf-8").decode(bytes.subarray(0, 512));
  return /^\s*</.test(head.replace(/^\uFEFF/, ""));
}

export function detectFileKind(bytes: Uint8Array, fileName: string | undefined): FileKind {
  if (isZip(bytes)) return "zip";
  if (isCompoundDocument(bytes)) return "ole";
  if (isBareBiff(bytes)) return "biff";
  const ext = fileName?.toLowerCase().split(".").pop();
  const named = ext !== undefined && fileName?.includes(".") === true;
  if (isText(bytes) && (!named || DELIMITED.has(ext) || (MARKUP.has(ext) && startsWithMarkup(bytes)))) return "text";
  throw new WorkbookLoadError(
    "unsupported_format",
    named ? `"${fileName}" is not a spreadsheet this tool can read (xlsx, xlsm, xlsb, xls, ods, csv).` : "The file is not a spreadsheet (xlsx, xlsm, xlsb, xls, ods or csv).",
  );
}
