/**
 * Loads .xlsx/.xlsm/.xlsb/.xls (BIFF2-8, SpreadsheetML 2003, HTML)/.ods/.csv bytes into the workbook model
 * through SheetJS CE, plus the raw OOXML parts it does not interpret (tables, data validations, calcPr).
 * Zipped files are unpacked by open-package under the zip guard's caps before SheetJS sees anything. Every
 * failure, whatever the input, is a WorkbookLoadError that says what is wrong.
 */
import type * as XLSX from "@e965/xlsx";
import { detectFileKind } from "@/lib/excel/workbook/detect-file-kind";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { DEFAULT_CALC, type DefinedNameModel, emptySheet, type SheetModel, type TableModel, type Workbook } from "@/lib/excel/workbook/model";
import { openFormulaToA1 } from "@/lib/excel/workbook/openformula-references";
import { type ParsedFile, parseFile } from "@/lib/excel/workbook/parse-file";
import { readSheet, type SheetReadContext } from "@/lib/excel/workbook/read-sheet";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "@/lib/excel/workbook/zip-guard";
import { readExternalBooks } from "@/lib/excel/workbook/external-links";
import { readValueMetadataErrors } from "@/lib/excel/workbook/value-metadata";
import { readVbaFunctions } from "@/lib/excel/workbook/vba-functions";
import { relatedParts, type WorkbookParts } from "@/lib/excel/workbook/workbook-parts";
import { readCalcSettings, readTables } from "@/lib/excel/workbook/xml-parts";

export interface LoadOptions {
  /** Used to recognise CSV and to word messages. */
  readonly fileName?: string;
  readonly zipLimits?: ZipLimits;
  /** Filled with milliseconds: unpacking and SheetJS reading the file, then building the model from its result. */
  readonly timings?: { read: number; model: number };
}

function readSheets(file: ParsedFile, context: SheetReadContext, tables: TableModel[]): SheetModel[] {
  const { book, parts } = file;
  return book.SheetNames.map((name, i) => {
    const { part, info } = file.sheets.get(name) ?? {};
    const hidden = (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const ws = book.Sheets[name];
    if (!ws) return { ...emptySheet(name), hidden };
    if (part) tables.push(...readTables(parts, name, part.path));
    const sheet = readSheet(ws, name, hidden, info, context);
    delete book.Sheets[name];
    return sheet;
  });
}

/** Defined names as formula text; SheetJS gives `Ref` as text, but not always for legacy files. */
function definedNames(book: XLSX.WorkBook, formulaSyntax: ((formula: string) => string) | undefined): DefinedNameModel[] {
  const out: DefinedNameModel[] = [];
  for (const n of book.Workbook?.Names ?? []) {
    const ref: unknown = n.Ref;
    if (typeof n.Name !== "string" || typeof ref !== "string" || ref === "") continue;
    const scope = n.Sheet !== undefined ? book.SheetNames[n.Sheet] : undefined;
    const formula = ref.startsWith("=") ? ref.slice(1) : ref;
    out.push({ name: n.Name, formula: formulaSyntax ? formulaSyntax(formula) : formula, ...(scope !== undefined && { scope }) });
  }
  return out;
}

function vbaFunctions(parts: WorkbookParts): string[] {
  const project = relatedParts(parts, parts.workbookPath, "vbaProject")[0];
  const bytes = project === undefined ? undefined : parts.bytes(project);
  return bytes ? readVbaFunctions(bytes) : [];
}

function buildModel(bytes: Uint8Array, options: LoadOptions): Workbook {
  if (bytes.byteLength === 0) throw new WorkbookLoadError("corrupt", "The file is empty.");
  const readStart = performance.now();
  const file = parseFile(bytes, detectFileKind(bytes, options.fileName), options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const readEnd = performance.now();
  const { book, parts } = file;
  if (book.SheetNames.length === 0) throw new WorkbookLoadError("corrupt", "The workbook has no sheets.");
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const tables: TableModel[] = [];
  const formulaSyntax = file.format === "ods" ? openFormulaToA1 : undefined;
  const sheets = readSheets(file, { date1904, valueErrors: readValueMetadataErrors(parts), formulaSyntax }, tables);
  const workbook: Workbook = {
    sheets,
    names: definedNames(book, formulaSyntax),
    tables,
    calc: readCalcSettings(parts, DEFAULT_CALC),
    date1904,
    externalBooks: readExternalBooks(parts),
    vbaFunctions: vbaFunctions(parts),
  };
  if (options.timings) {
    options.timings.read = readEnd - readStart;
    options.timings.model = performance.now() - readEnd;
  }
  return workbook;
}

export function loadWorkbook(bytes: Uint8Array, options: LoadOptions = {}): Workbook {
  try {
    return buildModel(bytes, options);
  } catch (error) {
    if (error instanceof WorkbookLoadError) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new WorkbookLoadError("corrupt", `The file could not be read (${message}); save it again from Excel and retry.`, { cause: error });
  }
}
