/**
 * Open Packaging Conventions (ECMA-376 Part 2): content types and relationships, which is how Excel finds
 * a package's parts wherever they live. Part names here carry no leading "/" (as ZIP items do).
 */
import { attributes } from "@/lib/excel/workbook/xml-attributes";

export interface Relationship {
  readonly id: string;
  /** Relationship type URI; compare with `relationshipKind`. */
  readonly type: string;
  /** The target part's name, resolved against the source part (or the raw URI when external). */
  readonly target: string;
  readonly external: boolean;
}

export interface ContentTypes {
  /** Lower-case extension -> content type. */
  readonly defaults: ReadonlyMap<string, string>;
  /** Lower-case part name -> content type. */
  readonly overrides: ReadonlyMap<string, string>;
}

/** The relationships part of a part (`xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; "" is the package). */
export function relationshipsPartOf(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves a relative reference from `source` (RFC 3986 section 5.2, as OPC requires). */
export function resolvePartName(source: string, target: string): string {
  const path = decodePercent(target.replace(/[?#].*$/, "").replaceAll("\\", "/"));
  const parts = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of path.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * The last segment of a relationship type, the same in Transitional, Strict and Microsoft's namespaces
 * (`.../relationships/worksheet` -> `worksheet`).
 */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export function parseRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || a.Target === undefined) continue;
    const external = a.TargetMode === "External";
    out.push({ id: a.Id, type: a.Type ?? "", target: external ? a.Target : resolvePartName(source, a.Target), external });
  }
  return out;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?(Default|Override)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.ContentType) continue;
    if (m[1] === "Default" && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType);
    if (m[1] === "Override" && a.PartName) overrides.set(resolvePartName("", a.PartName).toLowerCase(), a.ContentType);
  }
  return { defaults, overrides };
}

/** A part's content type: its Override, else the Default for its extension. */
export function contentTypeOf(types: ContentTypes, partName: string): string | undefined {
  const name = partName.toLowerCase();
  return types.overrides.get(name) ?? types.defaults.get(name.slice(name.lastIndexOf(".") + 1));
}

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
  "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
]);

export function isWorkbookContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && WORKBOOK_TYPES.has(contentType);
}
