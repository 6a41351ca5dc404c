/**
 * Spreadsheet engine benchmark: fidelity against the values cached in real workbooks (and the same for
 * HyperFormula), load+calculation and incremental recalculation times, peak memory, and the memory of loading a
 * 1,000,000-cell workbook.
 *   npm run bench:excel -- [--corpus <dir>] [--limit <files>] [--no-hf] [--show <n mismatches>] [--rows <n>] [--no-generated] [--no-million]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildHyperFormula, hfValue } from "@/bench/excel-hyperformula";
import { functionNames, sameValue, skipReason, usesVbaFunction, userDefinedFunctions } from "@/lib/excel/compare-values";
import { argv, corpusDir, fileLimit, option } from "@/bench/bench-args";
import { percentile } from "@/bench/percentile";
import { runGeneratedBenchmark } from "@/bench/excel-generated";
import { runLoadMemoryBenchmark } from "@/bench/excel-load-memory";
import type { Cell } from "@/lib/excel/engine/cell";
import { type LoadTimings, WorkbookEngine } from "@/lib/excel/engine/workbook-engine";
import { parseCellAddress } from "@/lib/excel/formula/references";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import type { Workbook } from "@/lib/excel/workbook/model";
import { type Scalar, toJsonValue } from "@/lib/excel/values";

const corpus = corpusDir;
const limit = fileLimit;
const withHf = !argv.includes("--no-hf");
const show = Number(option("--show") ?? 0);
const only = option("--only");
const fileFilter = option("--file");
const generatedRows = Number(option("--rows") ?? 20_000);

let peakRss = 0;
const sampleMemory = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const now = (): number => performance.now();

interface Tally {
  files: number;
  loadErrors: number;
  cells: number;
  ours: number;
  hf: number;
  skipped: Record<string, number>;
}
const newTally = (): Tally => ({ files: 0, loadErrors: 0, cells: 0, ours: 0, hf: 0, skipped: {} });
const tallies = new Map<string, Tally>();
const total = newTally();
const oursMissByFunction = new Map<string, number>();
const hfMissByFunction = new Map<string, number>();
const timing = { oursBuild: 0, hfBuild: 0, parse: 0, oursIncr: [] as number[], hfIncr: [] as number[] };
const loadPhases = { read: 0, model: 0 };
const enginePhases: LoadTimings = { cells: 0, parse: 0, compile: 0, graph: 0, evaluate: 0 };
const shown: string[] = [];

function skip(tally: Tally, why: string): void {
  tally.skipped[why] = (tally.skipped[why] ?? 0) + 1;
  total.skipped[why] = (total.skipped[why] ?? 0) + 1;
}

function bump(map: Map<string, number>, formula: string): void {
  for (const name of functionNames(formula)) map.set(name, (map.get(name) ?? 0) + 1);
}

/** Formula cells whose value depends on the `seeds` (volatile or VBA-function cells), transitively. */
function reach(engine: WorkbookEngine, seeds: (cell: Cell) => boolean): Set<Cell> {
  const reached = new Set<Cell>();
  const todo = [...engine.formulaCells].filter(seeds);
  for (const c of todo) reached.add(c);
  while (todo.length > 0) {
    const cell = todo.pop() as Cell;
    const visit = (d: Cell): void => {
      if (!reached.has(d)) {
        reached.add(d);
        todo.push(d);
      }
    };
    const area = cell.spill ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) engine.index.forEachDependent(cell.sheet.index, r, c, visit);
  }
  return reached;
}

function inputsWithDependents(engine: WorkbookEngine, max: number): Cell[] {
  const out: Cell[] = [];
  for (const store of engine.stores) {
    for (const cell of store.cells.values()) {
      if (cell.formula || cell.spilledFrom || typeof cell.value !== "number") continue;
      let has = false;
      engine.index.forEachDependent(store.index, cell.row, cell.col, () => {
        has = true;
      });
      if (has) out.push(cell);
      if (out.length >= max) return out;
    }
  }
  return out;
}

function measureIncremental(engine: WorkbookEngine, hfBook: ReturnType<typeof buildHyperFormula> | undefined, inputs: Cell[]): void {
  for (const cell of inputs) {
    const next = (cell.value as number) + 1;
    let t = now();
    engine.setValue(cell, next);
    engine.recalculate();
    timing.oursIncr.push(now() - t);
    if (hfBook) {
      const id = hfBook.sheetIds.get(cell.sheet.name);
      if (id === undefined) continue;
      t = now();
      hfBook.hf.setCellContents({ sheet: id, row: cell.row, col: cell.col }, next);
      timing.hfIncr.push(now() - t);
    }
  }
}

function runFile(folder: string, path: string): void {
  const tally = tallies.get(folder) ?? newTally();
  tallies.set(folder, tally);
  tally.files++;
  total.files++;
  let workbook: Workbook;
  let t = now();
  try {
    const phases = { read: 0, model: 0 };
    workbook = loadWorkbook(new Uint8Array(readFileSync(path)), { fileName: path, timings: phases });
    loadPhases.read += phases.read;
    loadPhases.model += phases.model;
  } catch {
    tally.loadErrors++;
    total.loadErrors++;
    return;
  }
  timing.parse += now() - t;
  t = now();
  const phases: LoadTimings = { cells: 0, parse: 0, compile: 0, graph: 0, evaluate: 0 };
  const engine = new WorkbookEngine(workbook, FUNCTIONS, { timings: phases });
  engine.recalculateAll();
  for (const key of Object.keys(phases) as (keyof LoadTimings)[]) enginePhases[key] += phases[key];
  timing.oursBuild += now() - t;
  sampleMemory();
  let hfBook: ReturnType<typeof buildHyperFormula> | undefined;
  if (withHf) {
    t = now();
    try {
      hfBook = buildHyperFormula(workbook);
    } catch {
      hfBook = undefined;
    }
    timing.hfBuild += now() - t;
    sampleMemory();
  }
  const volatile = reach(engine, (c) => c.formula?.volatile === true);
  const udfs = userDefinedFunctions(workbook);
  const vba = udfs.size > 0 ? reach(engine, (c) => usesVbaFunction(c.formula?.text ?? "", udfs)) : new Set<Cell>();
  for (const [s, sheet] of workbook.sheets.entries()) {
    const store = engine.stores[s];
    if (!store) continue;
    for (const [address, model] of sheet.cells) {
      if (model.formula === undefined) continue;
      const pos = parseCellAddress(address);
      const cell = pos ? store.get(pos.row, pos.col) : undefined;
      if (!pos || !cell) continue;
      const why = skipReason(model.formula, model.hasCachedValue !== false && model.value !== null, udfs);
      if (why) skip(tally, why);
      else if (cell.formula?.external) skip(tally, "external link");
      else if (vba.has(cell)) skip(tally, "VBA function");
      else if (volatile.has(cell)) skip(tally, "volatile");
      else {
        tally.cells++;
        total.cells++;
        const ours: Scalar = cell.value;
        if (sameValue(ours, model.value)) {
          tally.ours++;
          total.ours++;
        } else {
          bump(oursMissByFunction, model.formula);
          if (shown.length < show) {
            shown.push(`${path.slice(corpus.length + 1)} ${sheet.name}!${address} =${model.formula} -> ${JSON.stringify(toJsonValue(ours))} cached ${JSON.stringify(toJsonValue(model.value))}`);
          }
        }
        if (hfBook) {
          if (sameValue(hfValue(hfBook, sheet.name, pos.row, pos.col), model.value)) {
            tally.hf++;
            total.hf++;
          } else bump(hfMissByFunction, model.formula);
        }
      }
    }
  }
  measureIncremental(engine, hfBook, inputsWithDependents(engine, 3));
  hfBook?.hf.destroy();
}

function pct(n: number, d: number): string {
  return d === 0 ? "-" : `${((100 * n) / d).toFixed(2)}%`;
}

function report(): void {
  console.log(`corpus: ${corpus}`);
  console.log("folder                              files  loadErr   cells   ours      hyperformula  skipped");
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(34)} ${String(t.files).padStart(6)} ${String(t.loadErrors).padStart(7)} ${String(t.cells).padStart(7)}   ${pct(t.ours, t.cells).padStart(8)}  ${withHf ? pct(t.hf, t.cells).padStart(12) : "           -"}  ${Object.entries(t.skipped).map(([k, v]) => `${k}: ${v}`).join(", ")}`;
  for (const [name, t] of [...tallies].sort()) console.log(line(name, t));
  console.log(line("TOTAL", total));
  const top = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${k} ${v}`).join(", ");
  console.log(`\nours: functions with most mismatches: ${top(oursMissByFunction)}`);
  if (withHf) console.log(`hyperformula: functions with most mismatches: ${top(hfMissByFunction)}`);
  for (const s of shown) console.log(`  mismatch: ${s}`);
  console.log(`\ncorpus timing: file parse (SheetJS + parts) ${timing.parse.toFixed(0)} ms (SheetJS ${loadPhases.read.toFixed(0)} ms, workbook model ${loadPhases.model.toFixed(0)} ms)`);
  console.log(`  load+full calc: ours ${timing.oursBuild.toFixed(0)} ms${withHf ? `, hyperformula ${timing.hfBuild.toFixed(0)} ms, ratio hf/ours ${(timing.hfBuild / timing.oursBuild).toFixed(2)}x` : ""}`);
  const p = enginePhases;
  console.log(`  ours by phase: cells ${p.cells.toFixed(0)} ms, formula parse ${p.parse.toFixed(0)} ms, compile ${p.compile.toFixed(0)} ms, dependency graph ${p.graph.toFixed(0)} ms, evaluation ${p.evaluate.toFixed(0)} ms`);
  const incr = (label: string, ours: number[], hf: number[]): void => {
    const o50 = percentile(ours, 50);
    const o95 = percentile(ours, 95);
    let text = `  ${label} incremental recalc (${ours.length} edits): ours p50 ${o50.toFixed(3)} ms p95 ${o95.toFixed(3)} ms`;
    if (withHf && hf.length > 0) {
      const h50 = percentile(hf, 50);
      const h95 = percentile(hf, 95);
      text += `; hyperformula p50 ${h50.toFixed(3)} ms p95 ${h95.toFixed(3)} ms; ratio hf/ours p50 ${(h50 / o50).toFixed(2)}x p95 ${(h95 / o95).toFixed(2)}x`;
    }
    console.log(text);
  };
  incr("corpus", timing.oursIncr, timing.hfIncr);
}

const manifest = readFileSync(join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
let count = 0;
for (const line of manifest) {
  const file = line.split("\t")[3];
  if (!file || count >= limit) continue;
  const folder = file.split("/")[0] ?? "";
  if (only && folder !== only) continue;
  if (fileFilter && !file.includes(fileFilter)) continue;
  count++;
  if (argv.includes("--trace")) console.error(`${file} ${(process.memoryUsage().rss / 1048576).toFixed(0)}MB ${performance.now().toFixed(0)}`);
  runFile(folder, join(corpus, file));
}
report();
sampleMemory();
console.log(`\ncorpus peak RSS ${(peakRss / 1048576).toFixed(0)} MB (ours and hyperformula in one process)`);
if (!argv.includes("--no-generated")) runGeneratedBenchmark(generatedRows, withHf);
if (!argv.includes("--no-million")) runLoadMemoryBenchmark();
