/**
 * A generated workbook of 100,000 formulas (5 per row, with a 20,000-deep running-total chain), and its
 * benchmark: the book is saved as .xlsx once, then each engine loads and calculates it in its own
 * process (bench/excel-generated-run.ts) so each one's peak memory is measured alone.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { GeneratedRun } from "@/bench/excel-generated-run";
import { repoRoot } from "@/bench/bench-args";
import { percentile } from "@/bench/percentile";
import { formatCellAddress } from "@/lib/excel/formula/references";
import { type CellModel, DEFAULT_CALC, emptySheet, type Workbook } from "@/lib/excel/workbook/model";

export function generateWorkbook(rows: number): Workbook {
  const data = emptySheet("Data");
  const lookup = emptySheet("Lookup");
  for (let k = 1; k <= 100; k++) {
    lookup.cells.set(`A${k}`, { value: k });
    lookup.cells.set(`B${k}`, { value: k * 1.5 });
  }
  const set = (col: number, row: number, cell: CellModel): void => {
    data.cells.set(formatCellAddress(row, col), cell);
  };
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    set(0, i, { value: r });
    set(1, i, { value: (r * 7) % 13 });
    set(2, i, { value: null, formula: `A${r}*B${r}+1` });
    set(3, i, { value: null, formula: `IF(C${r}>50,C${r}-A${r},C${r}+B${r})` });
    set(4, i, { value: null, formula: `VLOOKUP(MOD(A${r},100)+1,Lookup!$A$1:$B$100,2,FALSE)` });
    set(5, i, { value: null, formula: `ROUND(D${r}/3+E${r},2)` });
    set(6, i, { value: null, formula: i === 0 ? `F${r}` : `G${i}+F${r}` });
  }
  return { sheets: [data, lookup], names: [], tables: [], calc: DEFAULT_CALC, date1904: false };
}

function toXlsx(workbook: Workbook): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of workbook.sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxRow = 0;
    let maxCol = 0;
    for (const [address, cell] of sheet.cells) {
      const { r, c } = XLSX.utils.decode_cell(address);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
      ws[address] = cell.formula === undefined ? { t: "n", v: cell.value as number } : { t: "n", f: cell.formula };
    }
    ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxRow, c: maxCol } });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

function runEngine(engine: "ours" | "hf", file: string, rows: number): GeneratedRun {
  const script = join(repoRoot, "bench/excel-generated-run.ts");
  const child = spawnSync(process.execPath, [...process.execArgv, script, "--engine", engine, "--file", file, "--rows", String(rows)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`generated benchmark (${engine}) failed: ${child.stderr}`);
  return JSON.parse(line) as GeneratedRun;
}

const ms = (n: number): string => `${n.toFixed(0)} ms`;

/** Prints load+calc (by phase for ours), incremental recalculation and peak memory, ours against HyperFormula. */
export function runGeneratedBenchmark(rows: number, withHf: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), "candlefish-bench-"));
  const file = join(dir, "generated.xlsx");
  try {
    writeFileSync(file, toXlsx(generateWorkbook(rows)));
    const ours = runEngine("ours", file, rows);
    const hf = withHf ? runEngine("hf", file, rows) : undefined;
    const p = ours.phases;
    console.log(`\ngenerated workbook (${rows * 5} formulas, chain depth ${rows}), each engine in its own process:`);
    console.log(`  file parse (SheetJS) ${ms(ours.read)}, workbook model ${ms(ours.model)} (shared: HyperFormula is built from the same model)`);
    let line = `  load+calc from the model: ours ${ms(ours.build)}`;
    if (p) line += ` (cells ${ms(p.cells)}, formula parse ${ms(p.parse)}, compile ${ms(p.compile)}, dependency graph ${ms(p.graph)}, evaluation ${ms(p.evaluate)})`;
    if (hf) line += `, hyperformula ${ms(hf.build)}, ratio hf/ours ${(hf.build / ours.build).toFixed(2)}x (ours/hf ${(ours.build / hf.build).toFixed(2)})`;
    console.log(line);
    console.log(`  last chain cell G${rows}: ours ${JSON.stringify(ours.last)}${hf ? `, hyperformula ${JSON.stringify(hf.last)}` : ""}`);
    const incr = (run: GeneratedRun): string => `p50 ${percentile(run.incremental, 50).toFixed(2)} ms p95 ${percentile(run.incremental, 95).toFixed(2)} ms`;
    let text = `  incremental recalc (${ours.incremental.length} edits): ours ${incr(ours)}`;
    if (hf) text += `; hyperformula ${incr(hf)}; ratio hf/ours p50 ${(percentile(hf.incremental, 50) / percentile(ours.incremental, 50)).toFixed(2)}x`;
    console.log(text);
    console.log(`  peak RSS: ours ${ours.peakRss.toFixed(0)} MB${hf ? `, hyperformula ${hf.peakRss.toFixed(0)} MB` : ""} (each process: SheetJS, model and engine)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
