/**
 * Loads .xlsx/.xlsm/.xls/.ods/.csv bytes into the workbook model through SheetJS CE, plus the raw OOXML
 * parts it does not interpret (tables, data validations, calcPr). Refuses zip bombs, damaged, encrypted
 * and non-spreadsheet files with a WorkbookLoadError.
 */
import * as XLSX from "@e965/xlsx";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { type CellModel, DEFAULT_CALC, type DefinedNameModel, type SheetModel, type TableModel, type Workbook } from "@/lib/excel/workbook/model";
import { DEFAULT_ZIP_LIMITS, inspectZip, type ZipLimits } from "@/lib/excel/workbook/zip-guard";
import { readExternalBooks } from "@/lib/excel/workbook/external-links";
import { readValueMetadataErrors } from "@/lib/excel/workbook/value-metadata";
import { readVbaFunctions } from "@/lib/excel/workbook/vba-functions";
import { type PartReader, readCalcSettings, readDataValidations, readTables, scanSheetXml, sheetParts } from "@/lib/excel/workbook/xml-parts";
import { type ErrorCode, ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

export interface LoadOptions {
  /** Used to recognise CSV and to word messages. */
  readonly fileName?: string;
  readonly zipLimits?: ZipLimits;
  /** Filled with milliseconds: SheetJS reading the file, then building the model from its result. */
  readonly timings?: { read: number; model: number };
}

const ERROR_BY_NUMBER: Record<number, string> = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A", 43: "#GETTING_DATA" };

type Kind = "zip" | "ole" | "text";

function detectKind(bytes: Uint8Array, fileName: string | undefined): Kind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "zip";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "ole";
  const ext = fileName?.toLowerCase().split(".").pop();
  if (ext && !["csv", "txt", "tsv"].includes(ext)) {
    throw new WorkbookLoadError("unsupported_format", `"${fileName}" is not a spreadsheet this tool can read (xlsx, xlsm, xls, ods, csv).`);
  }
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) throw new WorkbookLoadError("unsupported_format", "The file is not a spreadsheet (xlsx, xlsm, xls, ods or csv).");
  return "text";
}

function checkContainer(bytes: Uint8Array, kind: Kind, limits: ZipLimits): void {
  if (kind === "zip") {
    const { names } = inspectZip(bytes, limits);
    const isSpreadsheet = names.some((n) => n === "xl/workbook.xml" || n === "xl/workbook.bin" || n === "content.xml");
    if (!isSpreadsheet) throw new WorkbookLoadError("unsupported_format", "The archive is not a spreadsheet (no workbook part found).");
  }
  if (kind === "ole") {
    let cfb: ReturnType<typeof XLSX.CFB.read>;
    try {
      cfb = XLSX.CFB.read(bytes, { type: "array" } as never);
    } catch {
      throw new WorkbookLoadError("corrupt", "The file is damaged (unreadable compound document).");
    }
    if (XLSX.CFB.find(cfb, "EncryptionInfo") || XLSX.CFB.find(cfb, "EncryptedPackage")) {
      throw new WorkbookLoadError("encrypted", "The workbook is password-protected; remove the password in Excel and upload it again.");
    }
  }
}

function readWithSheetJs(bytes: Uint8Array, kind: Kind): XLSX.WorkBook {
  const options: XLSX.ParsingOptions = { cellFormula: true, cellNF: true, cellDates: false, cellText: false, dense: true, bookFiles: kind === "zip" };
  try {
    if (kind === "text") return XLSX.read(new TextDecoder().decode(bytes), { ...options, type: "string" });
    return XLSX.read(bytes, { ...options, type: "array" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) {
      throw new WorkbookLoadError("encrypted", "The workbook is password-protected; remove the password in Excel and upload it again.");
    }
    if (/unsupported|not a spreadsheet|unrecognized/i.test(message)) throw new WorkbookLoadError("unsupported_format", message);
    throw new WorkbookLoadError("corrupt", `The file could not be read (${message}); save it again from Excel and retry.`);
  }
}

function partReader(book: XLSX.WorkBook): PartReader {
  const files = (book as unknown as { files?: Record<string, { content?: Uint8Array | string }> }).files ?? {};
  const decoder = new TextDecoder();
  return (path) => {
    const content = files[path]?.content;
    if (content === undefined) return undefined;
    return typeof content === "string" ? content : decoder.decode(content);
  };
}

function vbaFunctions(book: XLSX.WorkBook): string[] {
  const files = (book as unknown as { files?: Record<string, { content?: Uint8Array | string }> }).files ?? {};
  const content = files["xl/vbaProject.bin"]?.content;
  return content instanceof Uint8Array ? readVbaFunctions(content) : [];
}

function cellValue(cell: XLSX.CellObject, errorText: string | undefined): Scalar {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : null;
    case "s":
      return typeof cell.v === "string" ? cell.v : String(cell.v ?? "");
    case "b":
      return cell.v === true;
    case "e": {
      const text = errorText ?? (typeof cell.v === "number" ? ERROR_BY_NUMBER[cell.v] : undefined);
      return text && isErrorCode(text) ? ExcelError.of(text) : ExcelError.of("#N/A");
    }
    case "d":
      return cell.v instanceof Date ? cell.v.getTime() / 86_400_000 + 25_569 : null;
    default:
      return null;
  }
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A Strict OOXML ISO date as a serial. Excel writes serials as days after 1899-12-30 without the 1900
 * leap-year adjustment (serial 0 is saved as 1899-12-30), so reading them back uses the same count.
 */
function isoDateSerial(text: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  return (time - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}

interface SheetReadContext {
  readonly date1904: boolean;
  readonly valueErrors: Map<number, ErrorCode>;
}

function readSheet(book: XLSX.WorkBook, name: string, index: number, xml: string | undefined, context: SheetReadContext): SheetModel {
  const ws = book.Sheets[name] as XLSX.WorkSheet;
  const facts = xml ? scanSheetXml(xml) : undefined;
  const cells = new Map<string, CellModel>();
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  data.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const address = XLSX.utils.encode_cell({ r, c });
      const iso = facts?.isoDates.get(address);
      const vm = facts?.errorMetadata.get(address);
      const richError = vm !== undefined ? context.valueErrors.get(vm) : undefined;
      const isoValue = iso !== undefined ? isoDateSerial(iso, context.date1904) : undefined;
      const value = richError ? ExcelError.of(richError) : (isoValue ?? cellValue(cell, facts?.errors.get(address)));
      const extra = cell as XLSX.CellObject & { F?: string; D?: boolean };
      if (cell.f === undefined) {
        if (cell.t === "z" && !cell.z) return;
        cells.set(address, { value, ...(cell.z !== undefined && cell.z !== "General" && { numberFormat: String(cell.z) }) });
        return;
      }
      const hasCachedValue = !(facts?.uncached.has(address) ?? false);
      cells.set(address, {
        value: hasCachedValue ? value : null,
        formula: cell.f,
        hasCachedValue,
        ...(extra.F !== undefined && { arrayRange: extra.F }),
        ...(extra.D === true && { dynamic: true }),
        ...(cell.z !== undefined && cell.z !== "General" && { numberFormat: String(cell.z) }),
      });
    });
  });
  const hidden = (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
  return {
    name,
    cells,
    merges: (ws["!merges"] ?? []).map((m) => XLSX.utils.encode_range(m)),
    dataValidations: xml ? readDataValidations(xml) : [],
    hidden,
    ...(facts && facts.hiddenRows.length > 0 && { hiddenRows: facts.hiddenRows }),
  };
}

export function loadWorkbook(bytes: Uint8Array, options: LoadOptions = {}): Workbook {
  if (bytes.byteLength === 0) throw new WorkbookLoadError("corrupt", "The file is empty.");
  const kind = detectKind(bytes, options.fileName);
  checkContainer(bytes, kind, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const readStart = performance.now();
  const book = readWithSheetJs(bytes, kind);
  const readEnd = performance.now();
  if (book.SheetNames.length === 0) throw new WorkbookLoadError("corrupt", "The workbook has no sheets.");
  const read = partReader(book);
  const parts = new Map(sheetParts(read).map((p) => [p.name, p.path]));
  const tables: TableModel[] = [];
  const context = { date1904: Boolean(book.Workbook?.WBProps?.date1904), valueErrors: readValueMetadataErrors(read) };
  const sheets = book.SheetNames.map((name, i) => {
    const path = parts.get(name);
    if (path) tables.push(...readTables(read, name, path));
    return readSheet(book, name, i, path ? read(path) : undefined, context);
  });
  const names: DefinedNameModel[] = (book.Workbook?.Names ?? [])
    .filter((n) => n.Ref !== undefined && n.Ref !== "")
    .map((n) => ({
      name: n.Name,
      formula: n.Ref.startsWith("=") ? n.Ref.slice(1) : n.Ref,
      ...(n.Sheet !== undefined && book.SheetNames[n.Sheet] !== undefined && { scope: book.SheetNames[n.Sheet] }),
    }));
  if (options.timings) {
    options.timings.read = readEnd - readStart;
    options.timings.model = performance.now() - readEnd;
  }
  return {
    sheets,
    names,
    tables,
    calc: readCalcSettings(read, DEFAULT_CALC),
    date1904: context.date1904,
    externalBooks: readExternalBooks(read),
    vbaFunctions: vbaFunctions(book),
  };
}
