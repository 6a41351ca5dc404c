/**
 * Workbook -> web app benchmark over the corpus: the share of workbooks that transform successfully
 * (the generated React project type-checks and builds, and its compute({}) reproduces the engine's
 * values), p50/p95 transformation time (load + analyse + generate + write; not npm install/build),
 * and the reason for each failure. Generated projects share one node_modules installed once.
 *   npm run bench:transform -- [--corpus <dir>] [--limit <n> | --sample <n evenly spread>] [--no-build] [--work <dir>] [--batch <n>]
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { argv, corpusDir, fileLimit, option, repoRoot } from "@/bench/bench-args";
import { percentile } from "@/bench/percentile";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import { createEngine } from "@/lib/excel/engine";
import { generateProject } from "@/lib/excel/generate/generate-project";
import { readGeneratorSources } from "@/lib/excel/generate/read-generator-sources";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { type JsonCellValue, toJsonValue } from "@/lib/excel/values";

const run = promisify(execFile);
const corpus = corpusDir;
const limit = fileLimit;
const sample = Number(option("--sample") ?? 0);
const build = !argv.includes("--no-build");
const work = resolve(option("--work") ?? join(tmpdir(), "candlefish-bench-transform"));
const batchSize = Number(option("--batch") ?? 40);
const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const options = { now: () => NOW, random: () => 0.5 };

interface Outcome {
  readonly file: string;
  readonly dir?: string;
  ms?: number;
  failure?: string;
}

interface GeneratedModel {
  createModel(o: typeof options): { compute(values: Record<string, JsonCellValue>): Record<string, JsonCellValue> };
}

function firstDifference(a: Record<string, JsonCellValue>, b: Record<string, JsonCellValue>): string | undefined {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return `${key}: model ${JSON.stringify(a[key])} vs engine ${JSON.stringify(b[key])}`;
  }
  return undefined;
}

async function installTemplate(projectPackageJson: string): Promise<string> {
  const packageJson = `${JSON.stringify({ ...(JSON.parse(projectPackageJson) as object), name: "transform-bench-template" }, null, 2)}\n`;
  const template = join(work, "template");
  await mkdir(template, { recursive: true });
  const manifest = join(template, "package.json");
  const fresh = existsSync(join(template, "node_modules/.bin/vite")) && existsSync(manifest) && readFileSync(manifest, "utf8") === packageJson;
  if (!fresh) {
    await writeFile(manifest, packageJson);
    process.stderr.write("installing the generated projects' dependencies once...\n");
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: template, maxBuffer: 1 << 26 });
  }
  return join(template, "node_modules");
}

async function transform(file: string, sources: Awaited<ReturnType<typeof readGeneratorSources>>, index: number): Promise<Outcome> {
  const dir = join(work, "projects", String(index));
  const started = performance.now();
  try {
    const bytes = new Uint8Array(await readFile(join(corpus, file)));
    const workbook = loadWorkbook(bytes, { fileName: file });
    const analysis = analyseWorkbook(workbook, { bytes });
    const files = generateProject(workbook, { framework: "react", sources, analysis, title: file.split("/").pop() ?? file });
    for (const [path, content] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    const outcome: Outcome = { file, dir, ms: performance.now() - started };
    const engine = createEngine(workbook, options);
    engine.recalculateAll();
    const expected = Object.fromEntries(engine.computedValues().map((c) => [`${c.sheet}!${c.address}`, toJsonValue(c.value)]));
    const model = (await import(join(dir, "src/model.ts"))) as GeneratedModel;
    const difference = firstDifference(model.createModel(options).compute({}), expected);
    if (difference) outcome.failure = `compute({}) differs: ${difference}`;
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
    return { file, ms: performance.now() - started, failure: `transform: ${message}` };
  }
}

async function typeCheck(batch: Outcome[], nodeModules: string): Promise<void> {
  const include = batch.map((o) => `${o.dir}/src`);
  const config = join(work, "tsconfig.batch.json");
  const base = JSON.parse(readFileSync(join(batch[0]?.dir ?? "", "tsconfig.json"), "utf8")) as { compilerOptions: object };
  await writeFile(config, JSON.stringify({ compilerOptions: base.compilerOptions, include }));
  const result = await run(join(nodeModules, ".bin/tsc"), ["-p", config], { maxBuffer: 1 << 26 }).then(
    () => "",
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  for (const line of result.split("\n")) {
    const owner = batch.find((o) => o.dir && line.startsWith(`${o.dir}/`));
    if (owner && !owner.failure) owner.failure = `tsc: ${line.slice((owner.dir ?? "").length + 1, 300)}`;
  }
}

async function viteBuild(outcome: Outcome, nodeModules: string): Promise<void> {
  try {
    await run(join(nodeModules, ".bin/vite"), ["build", "--logLevel", "error"], { cwd: outcome.dir, maxBuffer: 1 << 26, timeout: 120_000 });
  } catch (error) {
    const text = (error as { stderr?: string }).stderr ?? String(error);
    outcome.failure = `vite build: ${text.trim().split("\n")[0]?.slice(0, 300)}`;
  }
}

async function main(): Promise<void> {
  const manifest = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
  const all = manifest.map((line) => line.split("\t")[3] ?? "").filter(Boolean);
  const files = sample > 0 ? all.filter((_, i) => i % Math.max(1, Math.floor(all.length / sample)) === 0).slice(0, sample) : all.slice(0, limit);
  const sources = await readGeneratorSources(repoRoot);
  await rm(join(work, "projects"), { recursive: true, force: true });
  const outcomes: Outcome[] = [];
  for (const [i, file] of files.entries()) outcomes.push(await transform(file, sources, i));
  if (build) {
    const first = outcomes.find((o) => o.dir);
    const nodeModules = await installTemplate(readFileSync(join(first?.dir ?? "", "package.json"), "utf8"));
    const buildable = outcomes.filter((o) => o.dir && !o.failure);
    for (const o of buildable) await symlink(nodeModules, join(o.dir ?? "", "node_modules"), "dir");
    const started = performance.now();
    for (let i = 0; i < buildable.length; i += batchSize) await typeCheck(buildable.slice(i, i + batchSize), nodeModules);
    for (const o of buildable) if (!o.failure) await viteBuild(o, nodeModules);
    process.stderr.write(`type-check and build of ${buildable.length} projects: ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  const times = outcomes.map((o) => o.ms ?? 0).sort((a, b) => a - b);
  const ok = outcomes.filter((o) => !o.failure).length;
  const unreadable = outcomes.filter((o) => o.failure?.startsWith("transform: WorkbookLoadError")).length;
  console.log(`workbooks: ${outcomes.length}  transformed successfully: ${ok} (${((100 * ok) / Math.max(1, outcomes.length)).toFixed(1)}%)`);
  console.log(`  of readable workbooks: ${ok}/${outcomes.length - unreadable} (${((100 * ok) / Math.max(1, outcomes.length - unreadable)).toFixed(1)}%)${build ? "" : "  [--no-build: compute check only]"}`);
  console.log(`transformation time: p50 ${percentile(times, 50).toFixed(0)} ms  p95 ${percentile(times, 95).toFixed(0)} ms  max ${(times.at(-1) ?? 0).toFixed(0)} ms`);
  const slowest = [...outcomes].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, 5);
  console.log(`slowest: ${slowest.map((o) => `${o.file} ${Math.round(o.ms ?? 0)} ms`).join(", ")}`);
  for (const o of outcomes) if (o.failure) console.log(`FAIL ${o.file}: ${o.failure}`);
}

await main();
