/**
 * One engine on the generated workbook, in its own process so its peak memory is its own:
 *   tsx bench/excel-generated-run.ts --engine ours|hf --file <book.xlsx> --rows <n>
 * Loads the file, builds and fully calculates, times 20 single-input edits, and prints one JSON line
 * (see GeneratedRun).
 */
import { readFileSync } from "node:fs";
import { option } from "@/bench/bench-args";
import { buildHyperFormula, hfValue } from "@/bench/excel-hyperformula";
import { type LoadTimings, WorkbookEngine } from "@/lib/excel/engine/workbook-engine";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { type Scalar, toJsonValue } from "@/lib/excel/values";

export interface GeneratedRun {
  readonly engine: "ours" | "hf";
  /** SheetJS reading the file, then our workbook model built from it (shared by both engines). */
  readonly read: number;
  readonly model: number;
  /** Engine build plus full calculation from the model. */
  readonly build: number;
  /** Ours only: the build split into phases. */
  readonly phases?: LoadTimings;
  readonly incremental: number[];
  readonly last: unknown;
  /** Peak resident memory of this process, MB. */
  readonly peakRss: number;
}

const EDITS = 20;
const LAST_COLUMN = 6;

function editRows(rows: number): number[] {
  return Array.from({ length: EDITS }, (_, k) => Math.floor((((k * 7919) % 1000) / 1000) * rows));
}

function run(engineName: "ours" | "hf", file: string, rows: number): GeneratedRun {
  const loadTimings = { read: 0, model: 0 };
  const workbook = loadWorkbook(new Uint8Array(readFileSync(file)), { fileName: file, timings: loadTimings });
  const incremental: number[] = [];
  let last: Scalar;
  let build: number;
  let phases: LoadTimings | undefined;
  if (engineName === "ours") {
    phases = { cells: 0, parse: 0, compile: 0, graph: 0, evaluate: 0 };
    const t = performance.now();
    const engine = new WorkbookEngine(workbook, FUNCTIONS, { timings: phases });
    engine.recalculateAll();
    build = performance.now() - t;
    last = engine.stores[0]?.get(rows - 1, LAST_COLUMN)?.value ?? null;
    for (const row of editRows(rows)) {
      const cell = engine.stores[0]?.get(row, 1);
      if (!cell) continue;
      const start = performance.now();
      engine.setValue(cell, (cell.value as number) + 1);
      engine.recalculate();
      incremental.push(performance.now() - start);
    }
  } else {
    const t = performance.now();
    const book = buildHyperFormula(workbook);
    build = performance.now() - t;
    last = hfValue(book, "Data", rows - 1, LAST_COLUMN);
    const sheet = book.sheetIds.get("Data") ?? 0;
    for (const row of editRows(rows)) {
      const value = book.hf.getCellValue({ sheet, row, col: 1 });
      const start = performance.now();
      book.hf.setCellContents({ sheet, row, col: 1 }, (typeof value === "number" ? value : 0) + 1);
      incremental.push(performance.now() - start);
    }
  }
  return {
    engine: engineName,
    ...loadTimings,
    build,
    ...(phases && { phases }),
    incremental,
    last: toJsonValue(last),
    peakRss: process.resourceUsage().maxRSS / 1024,
  };
}

const engine = option("--engine");
const file = option("--file");
if ((engine === "ours" || engine === "hf") && file) console.log(JSON.stringify(run(engine, file, Number(option("--rows") ?? 20_000))));
