/**
 * Memory of loading a 1,000,000-cell workbook into the model: the book is generated and saved as .xlsx once,
 * then loaded in child processes (bench/excel-load-memory-run.ts) so the figures are the loader's own: time,
 * peak RSS and the heap the model keeps, and, as a figure GC timing does not blur, the smallest V8 heap
 * (--max-old-space-size) in which the load succeeds, found by bisection.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { repoRoot } from "@/bench/bench-args";
import type { LoadMemoryRun } from "@/bench/excel-load-memory-run";

const COLUMNS = 10;

/** `rows` rows of ten cells: seven numbers, a label, and two formulas (with their cached values). */
function millionCellBook(rows: number): Uint8Array {
  const data: XLSX.CellObject[][] = [];
  for (let r = 0; r < rows; r++) {
    const numbers = Array.from({ length: 7 }, (_, c) => (r * 7 + c * 13) % 1000);
    const sum = numbers.reduce((a, b) => a + b, 0);
    data.push([
      ...numbers.map((v): XLSX.CellObject => ({ t: "n", v })),
      { t: "s", v: `item ${r % 500}` },
      { t: "n", v: sum, f: `SUM(A${r + 1}:G${r + 1})` },
      { t: "n", v: sum * 2, f: `I${r + 1}*2` },
    ]);
  }
  const sheet: XLSX.WorkSheet = { "!data": data, "!ref": XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows - 1, c: COLUMNS - 1 } }) };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, "Data");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

/** Prints the load time, peak RSS, the heap the loaded model keeps and the smallest heap the load succeeds in. */
export function runLoadMemoryBenchmark(rows = 100_000): void {
  const dir = mkdtempSync(join(tmpdir(), "candlefish-bench-load-"));
  const file = join(dir, "million.xlsx");
  try {
    const bytes = millionCellBook(rows);
    writeFileSync(file, bytes);
    const script = join(repoRoot, "bench/excel-load-memory-run.ts");
    const load = (heapMb?: number) =>
      spawnSync(process.execPath, ["--expose-gc", ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), ...process.execArgv, script, "--file", file], { encoding: "utf8", maxBuffer: 1 << 24 });
    const child = load();
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) throw new Error(`load memory benchmark failed: ${child.stderr}`);
    const run = JSON.parse(line) as LoadMemoryRun;
    let [fails, loads] = [32, 1024];
    while (loads - fails > 16) {
      const mid = Math.round((fails + loads) / 2);
      if (load(mid).status === 0) loads = mid;
      else fails = mid;
    }
    console.log(`\n${(rows * COLUMNS).toLocaleString("en")}-cell workbook (${mb(bytes.byteLength)} file) loaded into the model in its own process:`);
    console.log(`  load ${run.ms.toFixed(0)} ms, ${run.cells.toLocaleString("en")} cells; peak RSS ${mb(run.peakRss)} (${mb(run.peakRss - run.baselineRss)} above the process before loading)`);
    console.log(`  smallest heap it loads in: ${loads} MB (fails at ${fails} MB); heap the loaded model keeps: ${mb(run.heapAfter - run.heapBefore)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
