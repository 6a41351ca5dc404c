/** Reads charts, macros and external links from the raw package (.xlsx/.xlsm zip), found through its relationships. */
import type { ChartInfo, ChartKind, ChartSeries } from "@/lib/excel/analyse/types";
import { openSpreadsheetPackage } from "@/lib/excel/workbook/open-package";
import { relatedParts, type WorkbookParts, workbookParts } from "@/lib/excel/workbook/workbook-parts";
import { sheetParts } from "@/lib/excel/workbook/xml-parts";

export interface PackageFacts {
  readonly charts: ChartInfo[];
  readonly hasMacros: boolean;
  readonly externalLinks: string[];
}

const CHART_KINDS: [RegExp, ChartKind][] = [
  [/<c:barChart\b[\s\S]*?<c:barDir val="bar"/, "bar"],
  [/<c:bar3?DChart\b|<c:barChart\b/, "column"],
  [/<c:line3?DChart\b|<c:stockChart\b|<c:radarChart\b/, "line"],
  [/<c:area3?DChart\b/, "area"],
  [/<c:(?:pie3?D|doughnut|ofPie)Chart\b/, "pie"],
  [/<c:(?:scatter|bubble)Chart\b/, "scatter"],
];

/** The package's parts, unpacked under the zip guard; undefined when the bytes are not a readable OOXML package. */
function packageParts(bytes: Uint8Array): WorkbookParts | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  try {
    const pkg = openSpreadsheetPackage(bytes);
    return pkg.format === "ooxml" ? workbookParts(pkg) : undefined;
  } catch {
    return undefined;
  }
}

function refOf(xml: string, tag: string): string | undefined {
  const block = new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(xml)?.[1];
  const f = block && /<c:f>([^<]*)<\/c:f>/.exec(block)?.[1];
  return f ? f.replaceAll("$", "").replaceAll("&apos;", "'").replaceAll("&amp;", "&") : undefined;
}

function readChart(xml: string, sheet: string): ChartInfo {
  const kind = CHART_KINDS.find(([pattern]) => pattern.test(xml))?.[1] ?? "column";
  const titleBlock = /<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "";
  const title = [...titleBlock.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join("");
  const series: ChartSeries[] = [];
  for (const [i, m] of [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].entries()) {
    const body = m[1] ?? "";
    const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1] ?? refOf(body, "tx") ?? `Series ${i + 1}`;
    const categories = refOf(body, "cat") ?? refOf(body, "xVal");
    const values = refOf(body, "val") ?? refOf(body, "yVal");
    series.push({ name, ...(categories && { categories }), ...(values && { values }) });
  }
  return { sheet, title, kind, series, source: "workbook" };
}

export function readPackageFacts(bytes: Uint8Array | undefined): PackageFacts {
  const parts = bytes ? packageParts(bytes) : undefined;
  if (!parts) return { charts: [], hasMacros: false, externalLinks: [] };
  const charts: ChartInfo[] = [];
  for (const { name, path } of sheetParts(parts)) {
    for (const drawing of relatedParts(parts, path, "drawing")) {
      for (const chartPath of relatedParts(parts, drawing, "chart")) {
        const xml = parts.text(chartPath);
        if (xml) charts.push(readChart(xml, name));
      }
    }
  }
  return {
    charts,
    hasMacros: relatedParts(parts, parts.workbookPath, "vbaProject").length > 0,
    externalLinks: relatedParts(parts, parts.workbookPath, "externalLink").filter((path) => parts.bytes(path) !== undefined),
  };
}
