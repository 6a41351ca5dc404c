/**
 * A file's bytes to SheetJS's workbook plus what the raw parts add. A zipped package is opened under the zip
 * guard; each worksheet's XML is scanned for what SheetJS does not keep before SheetJS parses it, and the
 * worksheet parts are released once SheetJS has read them, so no sheet is held as bytes, text and cells at
 * once longer than it has to be.
 */
import * as XLSX from "@e965/xlsx";
import type { FileKind } from "@/lib/excel/workbook/detect-file-kind";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { openSpreadsheetPackage, type SpreadsheetPackage } from "@/lib/excel/workbook/open-package";
import { readSheetXmlInfo, type SheetXmlInfo } from "@/lib/excel/workbook/read-sheet";
import { readBytesWithSheetJs, readPackageWithSheetJs } from "@/lib/excel/workbook/read-with-sheetjs";
import { NO_PARTS, type WorkbookParts, workbookParts } from "@/lib/excel/workbook/workbook-parts";
import { sheetParts } from "@/lib/excel/workbook/xml-parts";
import type { ZipLimits } from "@/lib/excel/workbook/zip-guard";

export interface SheetSource {
  /** The worksheet (or chartsheet...) part and its relationship kind; absent for formats without parts. */
  readonly part?: { readonly path: string; readonly kind: string };
  readonly info?: SheetXmlInfo;
}

export interface ParsedFile {
  readonly book: XLSX.WorkBook;
  readonly parts: WorkbookParts;
  readonly format?: SpreadsheetPackage["format"];
  /** By sheet name. */
  readonly sheets: ReadonlyMap<string, SheetSource>;
}

const ENCRYPTED = "The workbook is password-protected; remove the password in Excel and upload it again.";

/** An OLE compound document is a legacy .xls, or an encrypted OOXML workbook (MS-OFFCRYPTO). */
function checkCompoundDocument(bytes: Uint8Array): void {
  let cfb: ReturnType<typeof XLSX.CFB.read>;
  try {
    cfb = XLSX.CFB.read(bytes, { type: "array" } as never);
  } catch {
    throw new WorkbookLoadError("corrupt", "The file is damaged (unreadable compound document).");
  }
  if (XLSX.CFB.find(cfb, "EncryptionInfo") || XLSX.CFB.find(cfb, "EncryptedPackage")) throw new WorkbookLoadError("encrypted", ENCRYPTED);
}

/** Why SheetJS left a worksheet out: its part is missing, or SheetJS failed on it (it swallows sheet errors unless asked to throw them). */
function unreadableSheet(name: string, path: string | undefined, pkg: SpreadsheetPackage, parts: WorkbookParts): WorkbookLoadError {
  if (path !== undefined && parts.bytes(path) === undefined) {
    return new WorkbookLoadError("corrupt", `Sheet "${name}" is missing from the file (no part ${path}); save the workbook again from Excel and retry.`);
  }
  let cause: unknown;
  try {
    readPackageWithSheetJs(pkg, parts, true);
  } catch (error) {
    cause = error instanceof WorkbookLoadError ? error.cause : error;
  }
  const reason = cause instanceof Error ? cause.message : "its part is unreadable";
  return new WorkbookLoadError("corrupt", `Sheet "${name}" could not be read (${reason}); save the workbook again from Excel and retry.`, { cause });
}

function parsePackage(bytes: Uint8Array, limits: ZipLimits): ParsedFile {
  const pkg = openSpreadsheetPackage(bytes, limits);
  const parts = workbookParts(pkg);
  const sheets = new Map<string, SheetSource>();
  for (const part of sheetParts(parts)) {
    const xml = part.kind === "worksheet" && /\.xml$/i.test(part.path) ? parts.text(part.path) : undefined;
    sheets.set(part.name, { part, ...(xml !== undefined && { info: readSheetXmlInfo(xml) }) });
  }
  const book = readPackageWithSheetJs(pkg, parts);
  for (const name of book.SheetNames) {
    const part = sheets.get(name)?.part;
    if (!book.Sheets[name] && (!part || part.kind === "worksheet")) throw unreadableSheet(name, part?.path, pkg, parts);
  }
  for (const { part } of sheets.values()) if (part) parts.release(part.path);
  return { book, parts, format: pkg.format, sheets };
}

export function parseFile(bytes: Uint8Array, kind: FileKind, limits: ZipLimits): ParsedFile {
  if (kind === "zip") return parsePackage(bytes, limits);
  if (kind === "ole") checkCompoundDocument(bytes);
  return { book: readBytesWithSheetJs(bytes, kind === "text" ? "text" : "binary"), parts: NO_PARTS, sheets: new Map() };
}
