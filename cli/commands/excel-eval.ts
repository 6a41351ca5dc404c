/**
 * `candlefish excel eval <file> [--set 'Sheet!A1=value']... [--json]`: recomputes every formula from
 * scratch (cached values ignored) after the assignments and prints each formula cell's value, spilled
 * cells included. A value is parsed as JSON when it is valid JSON, else taken as text; "=..." is a formula.
 */
import { readFile } from "node:fs/promises";
import { createEngine, EngineReferenceError } from "@/lib/excel/engine";
import { WorkbookLoadError } from "@/lib/excel/workbook/load-error";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { type JsonCellValue, type Scalar, toJsonValue } from "@/lib/excel/values";

interface Assignment {
  readonly ref: string;
  readonly raw: string;
}

const USAGE = "usage: excel eval <file> [--set '<Sheet>!<A1>=<value>']... [--json]";

const HELP = `${USAGE}

Loads a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods or .csv), applies the --set assignments, recomputes every
formula from scratch with the Candlefish engine (cached values in the file are ignored; formulas saved
without one are computed too) and prints each formula cell's value, spilled cells included: one
"Sheet!A1<TAB>value" line per cell, or with --json one object {"cells": {"Sheet!A1": value, ...}} where an
error value is {"error": "#DIV/0!"}.

  --set 'Sheet!A1=<value>'  set a cell before calculating (repeatable): the value is read as JSON when it
                            is valid JSON, else as text; a value starting with "=" is a formula
  --json                    print one JSON object instead of lines
  --help                    print this help

Exit status: 0 done, 1 the file cannot be read (the reason is printed), 2 bad arguments.`;

function parseArgs(argv: string[]): { file: string; sets: Assignment[]; json: boolean } | { help: true } | string {
  let file: string | undefined;
  const sets: Assignment[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--json") json = true;
    else if (arg === "--set" || arg.startsWith("--set=")) {
      const spec = arg === "--set" ? argv[++i] : arg.slice("--set=".length);
      const m = spec === undefined ? null : /^((?:'(?:[^']|'')+'|[^!=]+)!\$?[A-Za-z]{1,3}\$?[0-9]+)=([\s\S]*)$/.exec(spec);
      if (!m) return `bad --set "${spec ?? ""}": expected '<Sheet>!<A1>=<value>'`;
      sets.push({ ref: m[1] as string, raw: m[2] as string });
    } else if (arg.startsWith("--")) return `unknown option ${arg}; ${USAGE}`;
    else if (file === undefined) file = arg;
    else return `unexpected argument ${arg}; ${USAGE}`;
  }
  return file === undefined ? USAGE : { file, sets, json };
}

function parseValue(raw: string): Scalar {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === null || typeof parsed === "number" || typeof parsed === "string" || typeof parsed === "boolean") return parsed;
  } catch {
    // not JSON: the text itself is the value
  }
  return raw;
}

export async function excelEval(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  if ("help" in args) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const bytes = new Uint8Array(await readFile(args.file));
    const workbook = loadWorkbook(bytes, { fileName: args.file });
    const engine = createEngine(workbook);
    for (const { ref, raw } of args.sets) {
      if (raw.startsWith("=")) engine.setCellFormula(ref, raw);
      else engine.setCellValue(ref, parseValue(raw));
    }
    engine.recalculateAll();
    const cells: Record<string, JsonCellValue> = {};
    for (const { sheet, address, value } of engine.computedValues()) cells[`${sheet}!${address}`] = toJsonValue(value);
    if (args.json) process.stdout.write(`${JSON.stringify({ cells })}\n`);
    else for (const [ref, value] of Object.entries(cells)) process.stdout.write(`${ref}\t${JSON.stringify(value)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof WorkbookLoadError) process.stderr.write(`cannot read ${args.file}: ${error.message} (${error.code})\n`);
    else if (error instanceof EngineReferenceError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E")) {
      process.stderr.write(`cannot read ${args.file}: ${error.message.split("\n")[0]}\n`);
    } else throw error;
    return 1;
  }
}
