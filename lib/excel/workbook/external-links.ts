/**
 * The values Excel keeps for each external workbook a formula references (`[1]Sheet!A1`): the
 * externalLink parts' sheetDataSet. Without the other file, Excel calculates with these cached values,
 * and so do we.
 */
import type { ExternalBookModel } from "@/lib/excel/workbook/model";
import type { WorkbookParts } from "@/lib/excel/workbook/workbook-parts";
import { attributes, unescapeXml } from "@/lib/excel/workbook/xml-attributes";
import { xmlElements } from "@/lib/excel/workbook/xml-elements";
import { ExcelError, isErrorCode, type Scalar } from "@/lib/excel/values";

function cellValue(type: string | undefined, text: string): Scalar {
  if (type === "s" || type === "str" || type === "inlineStr") return text;
  if (type === "b") return text === "1" || text === "true";
  if (type === "e") return isErrorCode(text) ? ExcelError.of(text) : ExcelError.of("#N/A");
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function readBook(xml: string): ExternalBookModel {
  const names = [...xml.matchAll(/<(?:\w+:)?sheetName\b[^>]*>/g)].map((m) => attributes(m[0]).val ?? "");
  const sheets = names.map((name) => ({ name, cells: new Map<string, Scalar>() }));
  for (const data of xmlElements(xml, "sheetData")) {
    const sheet = sheets[Number(attributes(data.attributes).sheetId)];
    if (!sheet) continue;
    for (const cell of xmlElements(data.body, "cell")) {
      const a = attributes(cell.attributes);
      const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(cell.body)?.[1];
      if (a.r && v !== undefined) sheet.cells.set(a.r, cellValue(a.t, unescapeXml(v)));
    }
  }
  return { sheets };
}

/** External books in the order of the workbook's externalReferences (formula index `[n]` is position n). */
export function readExternalBooks(parts: WorkbookParts): ExternalBookModel[] {
  const source = parts.workbookPath;
  const xml = source === undefined ? undefined : parts.text(source);
  if (source === undefined || !xml || !xml.includes("externalReference")) return [];
  const rels = new Map(parts.relationships(source).map((r) => [r.id, r]));
  return [...xml.matchAll(/<(?:\w+:)?externalReference\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const rel = rels.get(a["r:id"] ?? a.id ?? "");
    const part = rel && !rel.external ? parts.text(rel.target) : undefined;
    return part ? readBook(part) : { sheets: [] };
  });
}
