import { excelEval } from "@/cli/commands/excel-eval";
process.exitCode = await excelEval(process.argv.slice(2));
