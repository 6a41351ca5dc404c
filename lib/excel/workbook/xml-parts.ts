/**
 * Reads what SheetJS CE does not expose from the raw OOXML parts: tables (ListObjects), data
 * validations, calculation properties, and which formula cells have no cached value.
 */
import type { CalcSettings, DataValidationModel, TableModel } from "@/lib/excel/workbook/model";

export type PartReader = (path: string) => string | undefined;

export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&")
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const key = (m[1] ?? "").replace(/^\w+:(?!id$)/, "");
    out[key] = unescapeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

export function relationships(read: PartReader, partPath: string): Map<string, string> {
  const slash = partPath.lastIndexOf("/");
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const xml = read(relsPath);
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target && a.TargetMode !== "External") out.set(a.Id, resolvePath(partPath, a.Target));
  }
  return out;
}

/** Sheet names in order with the path of each worksheet part. */
export function sheetParts(read: PartReader): { name: string; path: string }[] {
  const xml = read("xl/workbook.xml");
  if (!xml) return [];
  const rels = relationships(read, "xl/workbook.xml");
  const out: { name: string; path: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const path = rels.get(a["r:id"] ?? a.id ?? "");
    if (a.name && path) out.push({ name: a.name, path });
  }
  return out;
}

export function readCalcSettings(read: PartReader, fallback: CalcSettings): CalcSettings {
  const m = /<(?:\w+:)?calcPr\b[^>]*>/.exec(read("xl/workbook.xml") ?? "");
  if (!m) return fallback;
  const a = attributes(m[0]);
  const bool = (v: string | undefined, d: boolean): boolean => (v === undefined ? d : v === "1" || v === "true");
  return {
    iterate: bool(a.iterate, fallback.iterate),
    iterateCount: a.iterateCount !== undefined ? Number(a.iterateCount) : fallback.iterateCount,
    iterateDelta: a.iterateDelta !== undefined ? Number(a.iterateDelta) : fallback.iterateDelta,
    fullCalcOnLoad: bool(a.fullCalcOnLoad, fallback.fullCalcOnLoad),
  };
}

export function readTables(read: PartReader, sheetName: string, sheetPath: string): TableModel[] {
  const tables: TableModel[] = [];
  for (const path of relationships(read, sheetPath).values()) {
    if (!/\/tables\/[^/]+\.xml$/.test(path)) continue;
    const xml = read(path);
    const head = xml ? /<(?:\w+:)?table\b[^>]*>/.exec(xml) : null;
    if (!xml || !head) continue;
    const a = attributes(head[0]);
    const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/g)].map((c) => attributes(c[0]).name ?? "");
    tables.push({
      name: a.displayName ?? a.name ?? "",
      sheet: sheetName,
      ref: a.ref ?? "",
      headerRowCount: a.headerRowCount !== undefined ? Number(a.headerRowCount) : 1,
      totalsRowCount: a.totalsRowCount !== undefined ? Number(a.totalsRowCount) : 0,
      columns,
    });
  }
  return tables;
}

export function readDataValidations(sheetXml: string): DataValidationModel[] {
  const out: DataValidationModel[] = [];
  for (const m of sheetXml.matchAll(/<(?:\w+:)?dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?dataValidation>)/g)) {
    const a = attributes(m[1] ?? "");
    const body = m[2] ?? "";
    const f1 = /<(?:\w+:)?formula1>([\s\S]*?)<\/(?:\w+:)?formula1>/.exec(body)?.[1];
    const f2 = /<(?:\w+:)?formula2>([\s\S]*?)<\/(?:\w+:)?formula2>/.exec(body)?.[1];
    out.push({
      sqref: a.sqref ?? "",
      type: a.type ?? "any",
      ...(a.operator !== undefined && { operator: a.operator }),
      ...(f1 !== undefined && { formula1: unescapeXml(f1) }),
      ...(f2 !== undefined && { formula2: unescapeXml(f2) }),
      allowBlank: a.allowBlank === "1" || a.allowBlank === "true",
    });
  }
  return out;
}

export interface SheetXmlFacts {
  /** Formula cells saved without a `<v>` cached value. */
  readonly uncached: Set<string>;
  /** Error cells by address with their error text (SheetJS CE drops codes such as #SPILL!). */
  readonly errors: Map<string, string>;
  /** Error cells carrying a value-metadata index (`vm`), by address. */
  readonly errorMetadata: Map<string, number>;
  /** ISO 8601 date cells (`t="d"`, as Strict OOXML writes them) by address with their text. */
  readonly isoDates: Map<string, string>;
  /** Zero-based indexes of hidden rows (hidden by hand or by a filter). */
  readonly hiddenRows: number[];
}

export function scanSheetXml(sheetXml: string): SheetXmlFacts {
  const uncached = new Set<string>();
  const errors = new Map<string, string>();
  const errorMetadata = new Map<string, number>();
  const isoDates = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const head = m[1] ?? "";
    const body = m[2] ?? "";
    const isError = /\bt="e"/.test(head);
    const isDate = /\bt="d"/.test(head);
    const hasFormula = body.includes("<f");
    if (!isError && !hasFormula && !isDate) continue;
    const r = /\br="([A-Z]+[0-9]+)"/.exec(head)?.[1];
    if (!r) continue;
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    if (hasFormula && v === undefined && !body.includes("<is>")) uncached.add(r);
    if (isError && v !== undefined) errors.set(r, v);
    if (isDate && v !== undefined) isoDates.set(r, v);
    const vm = isError ? /\bvm="(\d+)"/.exec(head)?.[1] : undefined;
    if (vm !== undefined) errorMetadata.set(r, Number(vm));
  }
  const hiddenRows: number[] = [];
  for (const m of sheetXml.matchAll(/<row\b[^>]*\bhidden="(?:1|true)"[^>]*>/g)) {
    const r = /\br="(\d+)"/.exec(m[0])?.[1];
    if (r !== undefined) hiddenRows.push(Number(r) - 1);
  }
  return { uncached, errors, errorMetadata, isoDates, hiddenRows };
}
