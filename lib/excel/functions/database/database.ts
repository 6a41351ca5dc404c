/** Database functions (DSUM, DCOUNT, DGET...): a table with a header row filtered by a criteria range. */
import { parseCriteria, type Matcher } from "@/lib/excel/criteria";
import { toGrid } from "@/lib/excel/functions/collect";
import * as stats from "@/lib/excel/functions/statistical/statistics-core";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";
import { parseNumberText } from "@/lib/excel/coerce";

type Num = number | ExcelError;

function label(v: Scalar): string {
  return v === null ? "" : String(v instanceof ExcelError ? v.code : v).trim().toLowerCase();
}

function fieldIndex(header: Scalar[], field: Value): number | ExcelError {
  if (typeof field === "number" || typeof field === "boolean") {
    const i = Math.trunc(Number(field));
    return i >= 1 && i <= header.length ? i - 1 : Errors.VALUE;
  }
  if (typeof field === "string") {
    const i = header.findIndex((h) => label(h) === field.trim().toLowerCase());
    return i < 0 ? Errors.VALUE : i;
  }
  return field instanceof ExcelError ? field : Errors.VALUE;
}

/** Text criteria in a criteria range match by prefix ("Bel" finds "Bell"), as in Advanced Filter. */
function criterionMatcher(v: Scalar): Matcher {
  if (typeof v === "string" && v !== "" && !/^[<>=]/.test(v) && parseNumberText(v) === undefined && !/^(true|false)$/i.test(v)) {
    return parseCriteria(v.endsWith("*") ? v : `${v}*`);
  }
  return parseCriteria(v);
}

/** Rows of the database (without header) that match any criteria row. */
function matchingRows(database: Scalar[][], criteria: Scalar[][]): Scalar[][] | ExcelError {
  const header = database[0] ?? [];
  const critHeader = criteria[0] ?? [];
  const alternatives: { column: number; match: Matcher }[][] = [];
  for (const row of criteria.slice(1)) {
    const conditions: { column: number; match: Matcher }[] = [];
    for (let c = 0; c < critHeader.length; c++) {
      const v = row[c] ?? null;
      if (v === null || v === "") continue;
      const column = header.findIndex((h) => label(h) === label(critHeader[c] ?? null));
      if (column < 0) return [];
      conditions.push({ column, match: criterionMatcher(v) });
    }
    alternatives.push(conditions);
  }
  if (alternatives.length === 0) return database.slice(1);
  return database.slice(1).filter((record) => alternatives.some((conds) => conds.every(({ column, match }) => match(record[column] ?? null))));
}

function databaseSpec(name: string, reduce: (values: Scalar[]) => Value, fieldOptional = false): FunctionSpec {
  return {
    name,
    minArgs: fieldOptional ? 2 : 3,
    maxArgs: 3,
    args: ["any", "scalar", "any"],
    noLift: true,
    impl: (ctx: EvalContext, db: Value, field: Scalar, criteria?: Value) => {
      const crit = criteria === undefined ? field : criteria;
      const fieldValue = criteria === undefined ? null : field;
      const database = toGrid(ctx, db);
      const criteriaGrid = toGrid(ctx, crit as Value);
      if (database instanceof ExcelError) return database;
      if (criteriaGrid instanceof ExcelError) return criteriaGrid;
      if (database.length < 2) return Errors.VALUE;
      const rows = matchingRows(database, criteriaGrid);
      if (rows instanceof ExcelError) return rows;
      if (fieldValue === null && fieldOptional) return reduce(rows.map(() => 0));
      const index = fieldIndex(database[0] ?? [], fieldValue);
      if (index instanceof ExcelError) return index;
      return reduce(rows.map((r) => r[index] ?? null));
    },
  };
}

function numbers(values: Scalar[]): number[] | ExcelError {
  const out: number[] = [];
  for (const v of values) {
    if (v instanceof ExcelError) return v;
    if (typeof v === "number") out.push(v);
  }
  return out;
}

function numeric(fn: (xs: number[]) => Num): (values: Scalar[]) => Num {
  return (values) => {
    const xs = numbers(values);
    return xs instanceof ExcelError ? xs : fn(xs);
  };
}

export const databaseFunctions: FunctionSpec[] = [
  databaseSpec("DSUM", numeric(stats.sum)),
  databaseSpec("DAVERAGE", numeric(stats.average)),
  databaseSpec("DCOUNT", (vs) => vs.filter((v) => typeof v === "number").length, true),
  databaseSpec("DCOUNTA", (vs) => vs.filter((v) => v !== null && v !== "").length, true),
  databaseSpec("DMAX", numeric((xs) => (xs.length ? Math.max(...xs) : 0))),
  databaseSpec("DMIN", numeric((xs) => (xs.length ? Math.min(...xs) : 0))),
  databaseSpec("DPRODUCT", numeric((xs) => (xs.length ? xs.reduce((a, b) => a * b, 1) : 0))),
  databaseSpec("DSTDEV", numeric((xs) => stats.stdev(xs, true))),
  databaseSpec("DSTDEVP", numeric((xs) => stats.stdev(xs, false))),
  databaseSpec("DVAR", numeric((xs) => stats.variance(xs, true))),
  databaseSpec("DVARP", numeric((xs) => stats.variance(xs, false))),
  databaseSpec("DGET", (vs) => (vs.length === 0 ? Errors.VALUE : vs.length > 1 ? Errors.NUM : (vs[0] ?? null))),
];
