/**
 * The raw parts of an opened package as the part readers (tables, validations, calcPr, value metadata,
 * external links, VBA) see them: text and bytes by part name, and each part's relationships.
 */
import type { SpreadsheetPackage } from "@/lib/excel/workbook/open-package";
import { parseRelationships, type Relationship, relationshipKind, relationshipsPartOf } from "@/lib/excel/workbook/opc";

export interface WorkbookParts {
  /** The workbook part of an OOXML package; undefined for formats without parts (.xls, .csv) and ODS. */
  readonly workbookPath: string | undefined;
  text(path: string): string | undefined;
  bytes(path: string): Uint8Array | undefined;
  relationships(source: string): Relationship[];
  /** Forgets a part once it has been read, so its bytes can be collected. */
  release(path: string): void;
}

/** XML text in UTF-8 or, with a byte order mark, UTF-16 (both allowed by ECMA-376 Part 2). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder().decode(bytes);
}

export const NO_PARTS: WorkbookParts = { workbookPath: undefined, text: () => undefined, bytes: () => undefined, relationships: () => [], release: () => undefined };

export function workbookParts(pkg: SpreadsheetPackage): WorkbookParts {
  const bytes = (path: string): Uint8Array | undefined => pkg.parts.get(path.toLowerCase())?.bytes;
  const text = (path: string): string | undefined => {
    const content = bytes(path);
    return content && decodeXml(content);
  };
  return {
    workbookPath: pkg.format === "ooxml" ? pkg.workbookPath : undefined,
    text,
    bytes,
    relationships: (source) => {
      const xml = text(relationshipsPartOf(source));
      return xml ? parseRelationships(xml, source) : [];
    },
    release: (path) => void pkg.parts.delete(path.toLowerCase()),
  };
}

/** The targets of `source`'s internal relationships of one kind (`worksheet`, `table`, `sheetMetadata`...). */
export function relatedParts(parts: WorkbookParts, source: string | undefined, kind: string): string[] {
  if (source === undefined) return [];
  return parts.relationships(source).filter((r) => !r.external && relationshipKind(r.type) === kind).map((r) => r.target);
}
