/**
 * Reads what SheetJS CE does not expose from the raw OOXML parts: tables (ListObjects), data
 * validations, calculation properties, and which formula cells have no cached value.
 */
import type { CalcSettings, DataValidationModel, TableModel } from "@/lib/excel/workbook/model";
import { relationshipKind } from "@/lib/excel/workbook/opc";
import { attributes, unescapeXml } from "@/lib/excel/workbook/xml-attributes";
import { xmlElements } from "@/lib/excel/workbook/xml-elements";
import { relatedParts, type WorkbookParts } from "@/lib/excel/workbook/workbook-parts";

/** Sheets in order with the path of each sheet part and its relationship kind (`worksheet`, `chartsheet`...). */
export function sheetParts(parts: WorkbookParts): { name: string; path: string; kind: string }[] {
  const xml = parts.workbookPath === undefined ? undefined : parts.text(parts.workbookPath);
  if (!xml || parts.workbookPath === undefined) return [];
  const rels = new Map(parts.relationships(parts.workbookPath).map((r) => [r.id, r]));
  const out: { name: string; path: string; kind: string }[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rel = rels.get(a["r:id"] ?? a.id ?? "");
    if (a.name && rel && !rel.external) out.push({ name: a.name, path: rel.target, kind: relationshipKind(rel.type) });
  }
  return out;
}

export function readCalcSettings(parts: WorkbookParts, fallback: CalcSettings): CalcSettings {
  const m = /<(?:\w+:)?calcPr\b[^>]*>/.exec(parts.workbookPath === undefined ? "" : (parts.text(parts.workbookPath) ?? ""));
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

export function readTables(parts: WorkbookParts, sheetName: string, sheetPath: string): TableModel[] {
  const tables: TableModel[] = [];
  for (const path of relatedParts(parts, sheetPath, "table")) {
    const xml = parts.text(path);
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
  for (const { attributes: head, body } of xmlElements(sheetXml, "dataValidation")) {
    const a = attributes(head);
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
  /** Formula cells saved without a cached value (no `<v>`, or an empty one for a non-text type). */
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
  for (const { attributes: head, body } of xmlElements(sheetXml, "c")) {
    const isError = /\bt="e"/.test(head);
    const isDate = /\bt="d"/.test(head);
    const hasFormula = body.includes("<f");
    if (!isError && !hasFormula && !isDate) continue;
    const r = /\br="([A-Z]+[0-9]+)"/.exec(head)?.[1];
    if (!r) continue;
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    const isText = /\bt="(?:str|inlineStr)"/.test(head);
    if (hasFormula && (v === undefined || (v === "" && !isText)) && !body.includes("<is>")) uncached.add(r);
    if (isError && v !== undefined) errors.set(r, v);
    if (isDate && v !== undefined) isoDates.set(r, v);
    const vm = isError ? /\bvm="(\d+)"/.exec(head)?.[1] : undefined;
    if (vm !== undefined) errorMetadata.set(r, Number(vm));
  }
  const hiddenRows: number[] = [];
  for (const { attributes: head } of xmlElements(sheetXml, "row")) {
    const r = /\bhidden="(?:1|true)"/.test(head) ? /\br="(\d+)"/.exec(head)?.[1] : undefined;
    if (r !== undefined) hiddenRows.push(Number(r) - 1);
  }
  return { uncached, errors, errorMetadata, isoDates, hiddenRows };
}
