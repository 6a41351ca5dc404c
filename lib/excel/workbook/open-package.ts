/**
 * Opens a zipped spreadsheet package, inflating (within the zip guard's caps) only the parts a workbook
 * is read from. OOXML: the workbook is the package's officeDocument relationship target (or the part whose
 * content type says so), and its parts are those reachable from it through relationships, as Excel finds
 * them, and those the content types name; images, embedded objects and other binaries are never inflated.
 * ODS: the fixed parts of ODF 1.2 Part 3. Anything else is refused as not a spreadsheet.
 */
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import {
  type ContentTypes,
  contentTypeOf,
  isWorkbookContentType,
  parseContentTypes,
  parseRelationships,
  type Relationship,
  relationshipKind,
  relationshipsPartOf,
} from "@/lib/excel/workbook/opc";
import { decodeXml } from "@/lib/excel/workbook/workbook-parts";
import { readZipDirectory, type ZipEntry } from "@/lib/excel/workbook/zip-directory";
import { DEFAULT_ZIP_LIMITS, InflateBudget, inflateEntry, type ZipLimits } from "@/lib/excel/workbook/zip-guard";

export interface SpreadsheetPackage {
  readonly format: "ooxml" | "ods";
  /** The workbook part: the officeDocument target (OOXML) or `content.xml` (ODS). */
  readonly workbookPath: string;
  /** OOXML only. */
  readonly contentTypes?: ContentTypes;
  /** The parts read, by lower-case name (OPC names compare case-insensitively), with the name as stored. */
  readonly parts: Map<string, { readonly name: string; readonly bytes: Uint8Array }>;
}

const ODS_PARTS = ["mimetype", "content.xml", "styles.xml", "meta-inf/manifest.xml"];

/**
 * XML parts (or, without a declared content type, parts named .xml) and the binary parts of .xlsb workbooks
 * and VBA projects; not images, embedded objects or printer settings.
 */
function isReadable(types: ContentTypes, part: string): boolean {
  const type = contentTypeOf(types, part);
  if (type === undefined) return /\.xml$/i.test(part);
  return /[+/]xml$/i.test(type) || type.startsWith("application/vnd.ms-excel.") || type === "application/vnd.ms-office.vbaProject";
}

function notSpreadsheet(detail: string): WorkbookLoadError {
  return new WorkbookLoadError("unsupported_format", `The archive is not a spreadsheet (${detail}); upload an .xlsx, .xlsm, .xlsb, .xls, .ods or .csv file.`);
}

class PackageReader {
  readonly parts = new Map<string, { name: string; bytes: Uint8Array }>();
  private readonly entries = new Map<string, ZipEntry>();
  private readonly budget: InflateBudget;

  constructor(
    private readonly archive: Uint8Array,
    limits: ZipLimits,
    budget?: InflateBudget,
  ) {
    this.budget = budget ?? new InflateBudget(limits, archive.byteLength);
    for (const entry of readZipDirectory(archive, limits.maxEntries)) {
      const key = entry.name.replace(/^\/+/, "").toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  read(name: string): Uint8Array | undefined {
    const key = name.toLowerCase();
    const done = this.parts.get(key);
    if (done) return done.bytes;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const bytes = inflateEntry(this.archive, entry, this.budget);
    this.parts.set(key, { name: entry.name.replace(/^\/+/, ""), bytes });
    return bytes;
  }

  text(name: string): string | undefined {
    const bytes = this.read(name);
    return bytes && decodeXml(bytes);
  }

  relationships(source: string): Relationship[] {
    const xml = this.text(relationshipsPartOf(source));
    return xml ? parseRelationships(xml, source) : [];
  }
}

function workbookPart(reader: PackageReader, types: ContentTypes): string {
  const document = reader.relationships("").find((r) => !r.external && relationshipKind(r.type) === "officeDocument");
  if (document) {
    const type = contentTypeOf(types, document.target);
    if (isWorkbookContentType(type) || (type === undefined && reader.has(document.target))) return document.target;
    throw notSpreadsheet(`its main part is ${type ?? "missing"}`);
  }
  const byType = [...types.overrides].find(([, type]) => isWorkbookContentType(type))?.[0];
  if (byType && reader.has(byType)) return byType;
  throw notSpreadsheet("no workbook part found");
}

function readOoxml(reader: PackageReader): SpreadsheetPackage {
  const types = parseContentTypes(reader.text("[Content_Types].xml") ?? "");
  const workbookPath = workbookPart(reader, types);
  const seen = new Set<string>();
  // Parts named in the content types are read too, so a workbook with damaged relationships can be repaired.
  const todo = [workbookPath, ...[...types.overrides.keys()].reverse()];
  while (todo.length > 0) {
    const part = todo.pop() as string;
    if (seen.has(part.toLowerCase())) continue;
    seen.add(part.toLowerCase());
    if (!reader.has(part) || (part !== workbookPath && !isReadable(types, part))) continue;
    reader.read(part);
    for (const r of reader.relationships(part)) if (!r.external) todo.push(r.target);
  }
  return { format: "ooxml", workbookPath, contentTypes: types, parts: reader.parts };
}

function readOds(reader: PackageReader): SpreadsheetPackage {
  const mimetype = reader.text("mimetype")?.trim();
  if (mimetype !== undefined && !mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) throw notSpreadsheet(mimetype);
  for (const part of ODS_PARTS) reader.read(part);
  return { format: "ods", workbookPath: "content.xml", parts: reader.parts };
}

/** `budget`, when given, is the running count of inflated bytes (tests read it after a refusal). */
export function openSpreadsheetPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, budget?: InflateBudget): SpreadsheetPackage {
  const reader = new PackageReader(bytes, limits, budget);
  if (reader.has("[Content_Types].xml")) return readOoxml(reader);
  if (reader.has("content.xml")) return readOds(reader);
  throw notSpreadsheet("no workbook part found");
}
