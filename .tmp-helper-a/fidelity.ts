import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createEngine } from "@/lib/excel/engine";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { familiesA } from "@/lib/excel/functions/families-a";
import { ExcelError, type Scalar } from "@/lib/excel/values";

const mine = new Set(familiesA.map((s) => s.name));
const root = "/work/shared/xlsx-corpus";
const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d)) { const p = path.join(d, f); if (statSync(p).isDirectory()) walk(p); else if (/\.(xlsx|xlsm)$/i.test(f)) files.push(p); } };
walk(root);
const only = process.argv[2];
const byFn = new Map<string, { ok: number; bad: number; examples: string[] }>();
function same(a: Scalar, b: Scalar): boolean {
  if (a instanceof ExcelError || b instanceof ExcelError) return a === b || (a instanceof ExcelError && b instanceof ExcelError && a.code === b.code);
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if ((a === null || a === "") && (b === null || b === "" )) return true;
  if (a === null && b === 0) return true;
  return a === b;
}
for (const file of files) {
  if (only && !file.includes(only)) continue;
  let wb;
  try { wb = loadWorkbook(new Uint8Array(readFileSync(file)), { fileName: file }); } catch { continue; }
  let engine;
  try { engine = createEngine(wb); engine.recalculateAll(); } catch (e) { console.error("ENGINE FAIL", file, (e as Error).message); continue; }
  for (const sheet of wb.sheets) {
    for (const [addr, cell] of sheet.cells) {
      if (!cell.formula || !cell.hasCachedValue || cell.arrayRange) continue;
      const fns = [...cell.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/gi)].map((m) => m[1]!.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "").replace(/^_XLFN\./, ""));
      const minefns = fns.filter((f) => mine.has(f));
      if (minefns.length === 0) continue;
      let got: Scalar;
      try { got = engine.getValue(`'${sheet.name.replace(/'/g, "''")}'!${addr}`); } catch (e) { got = "THROW" as Scalar; }
      const ok = same(got, cell.value);
      const key = minefns[0]!;
      const rec = byFn.get(key) ?? { ok: 0, bad: 0, examples: [] };
      if (ok) rec.ok++; else { rec.bad++; if (process.env.ALL || rec.examples.length < 6) rec.examples.push(`${path.basename(file).slice(0,50)} ${sheet.name}!${addr} =${cell.formula.slice(0,120)} got ${JSON.stringify(got instanceof ExcelError ? got.code : got)} want ${JSON.stringify(cell.value instanceof ExcelError ? cell.value.code : cell.value)}`); }
      byFn.set(key, rec);
    }
  }
}
if (process.env.JSONOUT) { console.log("JSON" + JSON.stringify([...byFn])); process.exit(0); }
const rows = [...byFn].sort((a, b) => b[1].bad - a[1].bad);
let ok = 0, bad = 0;
for (const [, r] of rows) { ok += r.ok; bad += r.bad; }
console.log(`TOTAL ok=${ok} bad=${bad}`);
for (const [fn, r] of rows) { if (r.bad === 0) continue; console.log(`${fn}: ok=${r.ok} bad=${r.bad}`); for (const e of r.examples) console.log("   ", e); }
