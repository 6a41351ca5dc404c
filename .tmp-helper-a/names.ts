import { readFileSync } from "node:fs";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { createEngine } from "@/lib/excel/engine";
const wb = loadWorkbook(new Uint8Array(readFileSync(process.argv[2]!)), {});
console.log(wb.names.filter((n) => /IsValuesEntered|LoanAmount|Pmt_Nbr/.test(n.name)));
const e = createEngine(wb); e.recalculateAll();
for (const ref of process.argv.slice(3)) console.log(ref, e.getFormula(ref), e.getValue(ref));
