/**
 * Loads one workbook into the model and prints one JSON line (LoadMemoryRun); run by bench/excel-load-memory.ts
 * with --expose-gc:  tsx bench/excel-load-memory-run.ts --file <book.xlsx>
 */
import { readFileSync } from "node:fs";
import { option } from "@/bench/bench-args";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";

export interface LoadMemoryRun {
  readonly ms: number;
  readonly cells: number;
  /** Bytes: peak resident set of the process, and resident set before loading. */
  readonly peakRss: number;
  readonly baselineRss: number;
  /** Bytes of heap in use after a full GC, before loading and after (with the model still referenced). */
  readonly heapBefore: number;
  readonly heapAfter: number;
}

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function run(file: string): LoadMemoryRun {
  const bytes = new Uint8Array(readFileSync(file));
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const workbook = loadWorkbook(bytes, { fileName: file });
  const ms = performance.now() - started;
  collect();
  const heapAfter = process.memoryUsage().heapUsed;
  const cells = workbook.sheets.reduce((n, sheet) => n + sheet.cells.size, 0);
  return { ms, cells, peakRss: process.resourceUsage().maxRSS * 1024, baselineRss, heapBefore, heapAfter };
}

const file = option("--file");
if (file) console.log(JSON.stringify(run(file)));
