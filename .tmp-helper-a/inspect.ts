import { readFileSync } from "node:fs";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { createEngine } from "@/lib/excel/engine";
const [file, sheet, ...addrs] = process.argv.slice(2);
const wb = loadWorkbook(new Uint8Array(readFileSync(file!)), { fileName: file });
const engine = createEngine(wb); engine.recalculateAll();
const s = wb.sheets.find((x) => x.name === sheet)!;
for (const a of addrs) {
  const [from, to] = a.split(":");
  const list = to ? (() => { const out: string[] = []; const m1 = /([A-Z]+)(\d+)/.exec(from!)!; const m2 = /([A-Z]+)(\d+)/.exec(to)!; for (let r = +m1[2]!; r <= +m2[2]!; r++) for (let c = m1[1]!.charCodeAt(0); c <= m2[1]!.charCodeAt(0); c++) out.push(String.fromCharCode(c) + r); return out; })() : [from!];
  for (const addr of list) { const c = s.cells.get(addr); let got; try { got = engine.getValue(`'${sheet}'!${addr}`); } catch { got = "?"; } console.log(addr, c?.formula ? "=" + c.formula : "", "cached:", JSON.stringify(c?.value), "got:", JSON.stringify(got)); }
}
