/**
 * Generates a standalone web-app project (React or Vue with Vite, or Angular) from a workbook:
 * path -> file content. Isomorphic: engine sources and templates come in through `sources` (see
 * read-generator-sources.ts on Node). The project depends on nothing from Candlefish.
 */
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import type { WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { collectEngineFiles, projectPath, type SourceFiles } from "@/lib/excel/generate/collect-engine-files";
import { emitAppSpec } from "@/lib/excel/generate/emit-app-spec";
import { emitModel, emitModelData } from "@/lib/excel/generate/emit-model";
import { emitReadme } from "@/lib/excel/generate/emit-readme";
import type { Workbook } from "@/lib/excel/workbook/model";

export type Framework = "react" | "vue" | "angular";
export const FRAMEWORKS: readonly Framework[] = ["react", "vue", "angular"];

export interface GenerateOptions {
  readonly framework: Framework;
  readonly sources: SourceFiles;
  readonly title?: string;
  readonly analysis?: WorkbookAnalysis;
  /** Refuse workbooks with more cells than this (default 300,000): the generated code would be unusable. */
  readonly maxCells?: number;
}

export class GenerateError extends Error {
  constructor(
    readonly code: "too_large" | "missing_sources",
    message: string,
  ) {
    super(message);
    this.name = "GenerateError";
  }
}

const TEMPLATE_DIR = "lib/excel/generate/templates/";
const UI_SUPPORT = "lib/excel/generate/runtime/ui-support.ts";

function packageName(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "workbook-app";
}

function templateFiles(sources: SourceFiles, framework: Framework, title: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of [`${TEMPLATE_DIR}common/`, `${TEMPLATE_DIR}${framework}/`]) {
    for (const [path, text] of sources) {
      if (!path.startsWith(dir)) continue;
      const target = path.slice(dir.length).replace(/\.tmpl$/, "");
      out.set(target, text.replaceAll("__APP_TITLE__", title.replaceAll("<", "&lt;")).replaceAll("__APP_NAME__", packageName(title)));
    }
  }
  if (!out.has("package.json")) throw new GenerateError("missing_sources", `No ${framework} templates in the generator's sources`);
  return out;
}

export function generateProject(workbook: Workbook, options: GenerateOptions): Map<string, string> {
  const cells = workbook.sheets.reduce((n, s) => n + s.cells.size, 0);
  const maxCells = options.maxCells ?? 300_000;
  if (cells > maxCells) {
    throw new GenerateError("too_large", `The workbook has ${cells.toLocaleString("en-US")} cells; apps can be generated for up to ${maxCells.toLocaleString("en-US")}. Split it or remove unused data.`);
  }
  const title = options.title ?? "Workbook app";
  const analysis = options.analysis ?? analyseWorkbook(workbook);
  const files = templateFiles(options.sources, options.framework, title);
  for (const [path, text] of collectEngineFiles(options.sources, analysis.functionsUsed)) files.set(path, text);
  const uiSupport = options.sources.get(UI_SUPPORT);
  if (uiSupport === undefined) throw new GenerateError("missing_sources", `${UI_SUPPORT} is missing from the generator's sources`);
  files.set(projectPath(UI_SUPPORT), uiSupport);
  files.set("src/model.ts", emitModel(workbook, analysis, title));
  files.set("src/model-data.ts", emitModelData(workbook));
  files.set("src/app-spec.ts", emitAppSpec(workbook, analysis, title));
  files.set("README.md", emitReadme(analysis, title, options.framework));
  return files;
}
