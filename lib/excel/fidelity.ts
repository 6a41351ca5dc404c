/**
 * The fidelity report: each formula cell's value cached in the file next to the value we compute, and how many
 * match. Volatile formulas, external links, external data (CUBE*), VBA user-defined functions and cells saved without a cached value are
 * skipped (and counted, per reason).
 */
import { sameValue, type SkipReason, skipReason, userDefinedFunctions } from "@/lib/excel/compare-values";
import type { Engine } from "@/lib/excel/engine";
import { toJsonValue, type JsonCellValue } from "@/lib/excel/values";
import type { Workbook } from "@/lib/excel/workbook/model";

export interface FidelityCell {
  ref: string;
  formula: string;
  cached: JsonCellValue;
  computed: JsonCellValue;
  matches: boolean;
}

export interface FidelityReport {
  matched: number;
  total: number;
  skipped: number;
  /** The skipped cells per reason. */
  skippedBy: Partial<Record<SkipReason, number>>;
  /** Mismatches first, then matches; at most `limit` cells. */
  cells: FidelityCell[];
}

export function measureFidelity(workbook: Workbook, engine: Engine, limit = 500): FidelityReport {
  const mismatches: FidelityCell[] = [];
  const matches: FidelityCell[] = [];
  let skipped = 0;
  const skippedBy: Partial<Record<SkipReason, number>> = {};
  const udfs = userDefinedFunctions(workbook);
  for (const sheet of workbook.sheets) {
    const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
    for (const [address, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const why = skipReason(cell.formula, cell.hasCachedValue === true, udfs);
      if (why) {
        skipped += 1;
        skippedBy[why] = (skippedBy[why] ?? 0) + 1;
        continue;
      }
      const ref = `${prefix}!${address}`;
      const computed = engine.getValue(ref);
      const entry = { ref, formula: `=${cell.formula}`, cached: toJsonValue(cell.value), computed: toJsonValue(computed), matches: sameValue(computed, cell.value) };
      (entry.matches ? matches : mismatches).push(entry);
    }
  }
  return {
    matched: matches.length,
    total: matches.length + mismatches.length,
    skipped,
    skippedBy,
    cells: [...mismatches, ...matches].slice(0, limit),
  };
}
