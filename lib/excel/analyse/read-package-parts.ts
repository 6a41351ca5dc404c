/** Reads charts, macros and external links from the raw package (.xlsx/.xlsm zip). */
import * as XLSX from "@e965/xlsx";
import type { ChartInfo, ChartKind, ChartSeries } from "@/lib/excel/analyse/types";
import { type PartReader, sheetParts } from "@/lib/excel/workbook/xml-parts";

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

function packageReader(bytes: Uint8Array): { read: PartReader; paths: string[] } | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined;
  let container: ReturnType<typeof XLSX.CFB.read>;
  try {
    container = XLSX.CFB.read(bytes, { type: "array" } as never);
  } catch {
    return undefined;
  }
  const decoder = new TextDecoder();
  const paths = container.FullPaths.map((p: string) => p.replace(/^Root Entry\//, "").replace(/^\//, ""));
  const read: PartReader = (path) => {
    const entry = XLSX.CFB.find(container, path) ?? XLSX.CFB.find(container, `/${path}`);
    const content = entry?.content;
    if (!content) return undefined;
    return decoder.decode(content instanceof Uint8Array ? content : new Uint8Array(content as ArrayLike<number>));
  };
  return { read, paths };
}

function relTargets(read: PartReader, partPath: string): string[] {
  const slash = partPath.lastIndexOf("/");
  const xml = read(`${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`);
  if (!xml) return [];
  const dir = partPath.slice(0, slash).split("/");
  const out: string[] = [];
  for (const m of xml.matchAll(/Target="([^"]+)"/g)) {
    const target = m[1] ?? "";
    if (target.startsWith("/")) {
      out.push(target.slice(1));
      continue;
    }
    const parts = [...dir];
    for (const piece of target.split("/")) {
      if (piece === "..") parts.pop();
      else if (piece !== ".") parts.push(piece);
    }
    out.push(parts.join("/"));
  }
  return out;
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
  const pkg = bytes ? packageReader(bytes) : undefined;
  if (!pkg) return { charts: [], hasMacros: false, externalLinks: [] };
  const { read, paths } = pkg;
  const charts: ChartInfo[] = [];
  for (const { name, path } of sheetParts(read)) {
    for (const drawing of relTargets(read, path).filter((t) => t.includes("drawings/"))) {
      for (const chartPath of relTargets(read, drawing).filter((t) => /charts\/chart[^/]*\.xml$/.test(t))) {
        const xml = read(chartPath);
        if (xml) charts.push(readChart(xml, name));
      }
    }
  }
  return {
    charts,
    hasMacros: paths.some((p) => /vbaProject\.bin$/i.test(p)),
    externalLinks: paths.filter((p) => /externalLinks\/externalLink[^/]*\.xml$/i.test(p)),
  };
}
