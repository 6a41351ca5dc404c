import * as XLSX from "@e965/xlsx";
import { readFileSync } from "node:fs";
const f = process.argv[2]!;
const wb = XLSX.read(readFileSync(f), { type: "buffer", cellFormula: true, cellNF: true, cellDates: false, cellText: false, bookFiles: true });
console.log(Object.keys(wb), JSON.stringify(wb.Workbook?.Names?.slice(0, 5)), JSON.stringify((wb.Workbook as any)?.CalcPr));
console.log(Object.keys((wb as any).files ?? {}).slice(0, 40), (wb as any).keys?.slice(0,40));
const ws = wb.Sheets[wb.SheetNames[0]!]!;
console.log(Object.entries(ws).slice(0, 12));
