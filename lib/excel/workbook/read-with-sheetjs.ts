/**
 * Hands SheetJS CE what it parses. A zipped package is never given to SheetJS as bytes (its unzip trusts
 * declared sizes): it gets a container of the parts open-package inflated under the zip guard, with the
 * package's content types written out part by part and the workbook's relationships resolved to part
 * names, so it finds parts wherever OPC allows them to live.
 */
import * as XLSX from "@e965/xlsx";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { contentTypeOf, isWorkbookContentType, relationshipsPartOf } from "@/lib/excel/workbook/opc";
import type { SpreadsheetPackage } from "@/lib/excel/workbook/open-package";
import type { WorkbookParts } from "@/lib/excel/workbook/workbook-parts";

type Container = ReturnType<typeof XLSX.CFB.utils.cfb_new>;

/** `parse_zip` reads a container already unpacked; SheetJS exports it but does not declare it. */
const parseZip = (XLSX as unknown as { parse_zip(zip: Container, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip;

/** Formula cells without a cached value come through as stubs (`sheetStubs`); they are computed, not dropped. */
const OPTIONS: XLSX.ParsingOptions = { cellFormula: true, cellNF: true, cellDates: false, cellText: false, dense: true, sheetStubs: true };

/** Parts whose presence would make SheetJS read an OOXML package as another format (ODS, Numbers). */
const FOREIGN_MARKERS = /^(?:meta-inf\/manifest\.xml|objectdata\.xml|index\/|index\.zip$)/i;

const escape = (text: string): string => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const WORKBOOK_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const WORKBOOK_BINARY = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";

function contentTypesXml(pkg: SpreadsheetPackage): string {
  const types = pkg.contentTypes;
  const overrides: string[] = [];
  for (const [key, { name }] of pkg.parts) {
    if (key.endsWith(".rels") || key === "[content_types].xml") continue;
    let type = types && contentTypeOf(types, name);
    if (key === pkg.workbookPath.toLowerCase()) type = isWorkbookContentType(type) ? type : key.endsWith(".bin") ? WORKBOOK_BINARY : WORKBOOK_MAIN;
    else if (isWorkbookContentType(type)) continue;
    if (type) overrides.push(`<Override PartName="/${escape(name)}" ContentType="${escape(type)}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>${overrides.join("")}</Types>`;
}

/** The workbook's relationships with each internal target written as the part's full name. */
function workbookRelationshipsXml(pkg: SpreadsheetPackage, parts: WorkbookParts): string {
  const rels = parts.relationships(pkg.workbookPath).map((r) => {
    const target = r.external ? r.target : (pkg.parts.get(r.target.toLowerCase())?.name ?? r.target);
    return `<Relationship Id="${escape(r.id)}" Type="${escape(r.type)}" Target="${escape(target)}"${r.external ? ' TargetMode="External"' : ""}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

/**
 * Under Node, SheetJS turns a Buffer into text in one step; from a plain Uint8Array it decodes as
 * windows-1252 and then copies the whole text again. In a browser there is no Buffer and the bytes go as they are.
 */
function forSheetJs(bytes: Uint8Array): Uint8Array {
  return typeof Buffer === "function" ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
}

function sheetJsContainer(pkg: SpreadsheetPackage, parts: WorkbookParts): Container {
  const container = XLSX.CFB.utils.cfb_new();
  const add = (name: string, content: Uint8Array): void => void XLSX.CFB.utils.cfb_add(container, name, forSheetJs(content) as never, { unsafe: true } as never);
  if (pkg.format === "ods") {
    for (const { name, bytes } of pkg.parts.values()) add(name, bytes);
    return container;
  }
  const workbookRels = relationshipsPartOf(pkg.workbookPath);
  for (const [key, { name, bytes }] of pkg.parts) {
    if (key === "[content_types].xml" || key === workbookRels.toLowerCase() || FOREIGN_MARKERS.test(key)) continue;
    add(name, bytes);
  }
  const encoder = new TextEncoder();
  add("[Content_Types].xml", encoder.encode(contentTypesXml(pkg)));
  add(workbookRels, encoder.encode(workbookRelationshipsXml(pkg, parts)));
  return container;
}

function loadError(error: unknown): WorkbookLoadError {
  if (error instanceof WorkbookLoadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) {
    return new WorkbookLoadError("encrypted", "The workbook is password-protected; remove the password in Excel and upload it again.");
  }
  if (/unsupported|not a spreadsheet|unrecognized/i.test(message)) return new WorkbookLoadError("unsupported_format", `The file is not a spreadsheet this tool can read (${message}).`);
  return new WorkbookLoadError("corrupt", `The file is damaged and could not be read (${message}); save it again from Excel and retry.`, { cause: error });
}

/** `strict` makes SheetJS throw what it would otherwise swallow (used to say why a sheet is missing). */
export function readPackageWithSheetJs(pkg: SpreadsheetPackage, parts: WorkbookParts, strict = false): XLSX.WorkBook {
  try {
    return parseZip(sheetJsContainer(pkg, parts), { ...OPTIONS, ...(strict && { WTF: true }) });
  } catch (error) {
    throw loadError(error);
  }
}

/** Legacy .xls (compound documents, bare BIFF streams) and text formats, which have nothing to inflate. */
export function readBytesWithSheetJs(bytes: Uint8Array, kind: "binary" | "text"): XLSX.WorkBook {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  try {
    if (kind === "text" && !utf16) return XLSX.read(new TextDecoder().decode(bytes), { ...OPTIONS, type: "string" });
    return XLSX.read(bytes, { ...OPTIONS, type: "array" });
  } catch (error) {
    throw loadError(error);
  }
}
