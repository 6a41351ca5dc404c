/**
 * Excel saves #SPILL!, #CALC! and the other newer errors as `<v>#VALUE!</v>` with a value-metadata index
 * (`vm`) pointing at a rich value of structure `_error`; this reads those parts so the cached error is the
 * one Excel showed.
 */
import { relatedParts, type WorkbookParts } from "@/lib/excel/workbook/workbook-parts";
import { attributes } from "@/lib/excel/workbook/xml-attributes";
import { xmlElements } from "@/lib/excel/workbook/xml-elements";
import { type ErrorCode } from "@/lib/excel/values";

/** The rich value's `errorType` is ERROR.TYPE minus one; only codes the engine knows are mapped. */
const ERROR_BY_TYPE: Record<number, ErrorCode> = {
  0: "#NULL!",
  1: "#DIV/0!",
  2: "#VALUE!",
  3: "#REF!",
  4: "#NAME?",
  5: "#NUM!",
  6: "#N/A",
  7: "#GETTING_DATA",
  8: "#SPILL!",
  13: "#CALC!",
};

/** Each `tag` element as `<tag attributes>body</tag>`, found in linear time (see xml-elements.ts). */
function blocks(xml: string, tag: string): string[] {
  return [...xmlElements(xml, tag)].map((e) => `<${tag}${e.attributes}>${e.body}</${tag}>`);
}

/** The workbook's one related part of `kind`, as text. */
function related(parts: WorkbookParts, kind: string): string | undefined {
  const path = relatedParts(parts, parts.workbookPath, kind)[0];
  return path === undefined ? undefined : parts.text(path);
}

function richErrors(parts: WorkbookParts): Map<number, ErrorCode> {
  const out = new Map<number, ErrorCode>();
  const values = related(parts, "rdRichValue");
  const structures = related(parts, "rdRichValueStructure");
  if (!values || !structures) return out;
  const errorTypeKey = blocks(structures, "s").map((s) => {
    const head = /^<[^>]*>/.exec(s)?.[0] ?? "";
    if (attributes(head).t !== "_error") return -1;
    return blocks(s, "k").findIndex((k) => attributes(k).n === "errorType");
  });
  blocks(values, "rv").forEach((rv, i) => {
    const key = errorTypeKey[Number(attributes(/^<[^>]*>/.exec(rv)?.[0] ?? "").s ?? -1)] ?? -1;
    if (key < 0) return;
    const text = [...rv.matchAll(/<(?:\w+:)?v\b[^>]*>([^<]*)<\/(?:\w+:)?v>/g)][key]?.[1];
    const code = ERROR_BY_TYPE[Number(text)];
    if (code) out.set(i, code);
  });
  return out;
}

/** The error each `vm` index (1-based, as written on cells) stands for, when it is a rich error value. */
export function readValueMetadataErrors(parts: WorkbookParts): Map<number, ErrorCode> {
  const out = new Map<number, ErrorCode>();
  const xml = related(parts, "sheetMetadata");
  if (!xml || !xml.includes("valueMetadata")) return out;
  const errors = richErrors(parts);
  if (errors.size === 0) return out;
  const types = blocks(blocks(xml, "metadataTypes")[0] ?? "", "metadataType").map((t) => attributes(t).name ?? "");
  const future = new Map<string, string[]>();
  for (const f of blocks(xml, "futureMetadata")) future.set(attributes(/^<[^>]*>/.exec(f)?.[0] ?? "").name ?? "", blocks(f, "bk"));
  blocks(blocks(xml, "valueMetadata")[0] ?? "", "bk").forEach((bk, i) => {
    const rc = attributes(blocks(bk, "rc")[0] ?? "");
    const typeName = types[Number(rc.t) - 1];
    if (typeName !== "XLRICHVALUE") return;
    const rvb = blocks(future.get(typeName)?.[Number(rc.v)] ?? "", "rvb")[0];
    const code = rvb ? errors.get(Number(attributes(rvb).i)) : undefined;
    if (code) out.set(i + 1, code);
  });
  return out;
}
