/**
 * `candlefish excel transform <file> --framework react|vue|angular --out <dir> [--title <text>] [--json]`:
 * analyses a workbook and writes a standalone web-app project generated from it (see lib/excel/generate).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import { FRAMEWORKS, type Framework, GenerateError, generateProject } from "@/lib/excel/generate/generate-project";
import { findRepoRoot } from "@/cli/find-repo-root";
import { readGeneratorSources } from "@/lib/excel/generate/read-generator-sources";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";

const USAGE = "usage: excel transform <file> --framework react|vue|angular --out <dir> [--title <text>] [--json]";

const HELP = `${USAGE}

Analyses a workbook (its inputs, outputs, tables, charts) and writes a standalone web-app project generated
from it into <dir>: a Vite project for the framework in which every formula is a typed function.

  --framework react|vue|angular  the project's framework
  --out <dir>                    where to write the project
  --title <text>                 the app's title (default: from the file name)
  --json                         print a JSON summary instead of a line
  --help                         print this help`;

interface Args {
  readonly file: string;
  readonly framework: Framework;
  readonly out: string;
  readonly title: string | undefined;
  readonly json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | undefined;
  let framework: string | undefined;
  let out: string | undefined;
  let title: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const take = () => inline ?? argv[++i];
    if (flag === "--help" || flag === "-h") return HELP;
    if (flag === "--json") json = true;
    else if (flag === "--framework") framework = take();
    else if (flag === "--out") out = take();
    else if (flag === "--title") title = take();
    else if (flag.startsWith("--")) return `unknown option ${flag}; ${USAGE}`;
    else if (file === undefined) file = arg;
    else return `unexpected argument ${arg}; ${USAGE}`;
  }
  if (file === undefined || out === undefined || framework === undefined) return USAGE;
  if (!FRAMEWORKS.includes(framework as Framework)) return `unknown framework "${framework}"; expected ${FRAMEWORKS.join(", ")}`;
  return { file, framework: framework as Framework, out, title, json };
}

function titleFromFile(file: string): string {
  const stem = basename(file).replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : "Workbook app";
}

export async function excelTransform(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === HELP) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (typeof args === "string") {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const bytes = new Uint8Array(await readFile(args.file));
    const workbook = loadWorkbook(bytes, { fileName: args.file });
    const analysis = analyseWorkbook(workbook, { bytes });
    const sources = await readGeneratorSources(findRepoRoot(import.meta.dirname));
    const files = generateProject(workbook, { framework: args.framework, sources, analysis, title: args.title ?? titleFromFile(args.file) });
    for (const [path, content] of files) {
      const target = join(args.out, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const ms = Math.round(performance.now() - started);
    const summary = {
      out: args.out,
      framework: args.framework,
      files: files.size,
      inputs: analysis.inputs.length,
      outputs: analysis.outputs.length,
      formulas: analysis.formulaCount,
      tables: analysis.tables.length,
      charts: analysis.charts.length,
      pages: analysis.pages.map((p) => p.name),
      unsupported: analysis.unsupported,
      ms,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else {
      process.stdout.write(`wrote ${files.size} files to ${args.out} (${args.framework}, ${ms} ms)\n`);
      process.stdout.write(`${summary.inputs} inputs, ${summary.outputs} outputs, ${summary.formulas} formulas, ${summary.tables} tables, ${summary.charts} charts, pages: ${summary.pages.join(", ") || "none"}\n`);
      for (const u of analysis.unsupported) process.stdout.write(`not carried over: ${u.detail}${u.cells.length > 0 ? ` (${u.cells.slice(0, 10).join(", ")}${u.cells.length > 10 ? ", ..." : ""})` : ""}\n`);
      process.stdout.write(`next: cd ${args.out} && npm install && npm run build\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof WorkbookLoadError) process.stderr.write(`cannot read ${args.file}: ${error.message} (${error.code})\n`);
    else if (error instanceof GenerateError) process.stderr.write(`cannot transform ${args.file}: ${error.message} (${error.code})\n`);
    else if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      process.stderr.write(`cannot read ${args.file}: ${error.message.split("\n")[0]}\n`);
    } else throw error;
    return 1;
  }
}
