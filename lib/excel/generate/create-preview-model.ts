/**
 * The live preview's model, in the browser or on the server: the same runtime as a generated project's
 * model.ts (runtime/model-engine.ts), with formulas parsed from the workbook instead of written as code,
 * plus the app spec the generated UI renders. compute() therefore matches the generated app's compute().
 */
import type { WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { type AppSpec, buildAppSpec } from "@/lib/excel/generate/emit-app-spec";
import { createModel, type FormulaDefinition, type Model, type ModelData, type NameDefinition } from "@/lib/excel/generate/runtime/model-engine";
import type { EngineOptions } from "@/lib/excel/engine/workbook-engine";
import { FormulaSyntaxError, type FormulaNode } from "@/lib/excel/formula/ast";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { FUNCTIONS } from "@/lib/excel/functions/registry";
import type { Workbook } from "@/lib/excel/workbook/model";

export interface PreviewModel extends Model {
  readonly inputs: WorkbookAnalysis["inputs"];
  readonly outputs: WorkbookAnalysis["outputs"];
  readonly spec: AppSpec;
}

function builder(text: string): () => FormulaNode {
  return () => {
    try {
      return parseFormula(text);
    } catch (error) {
      if (error instanceof FormulaSyntaxError) return { type: "error", code: "#NAME?" };
      throw error;
    }
  };
}

export function createPreviewModel(workbook: Workbook, analysis: WorkbookAnalysis, title: string, options: EngineOptions = {}): PreviewModel {
  const data: ModelData = {
    sheets: workbook.sheets.map((sheet) => ({
      name: sheet.name,
      cells: [...sheet.cells].filter(([, cell]) => cell.formula === undefined && cell.value !== null).map(([address, cell]) => [address, cell.value] as const),
      ...(sheet.hiddenRows?.length && { hiddenRows: sheet.hiddenRows }),
    })),
    tables: workbook.tables,
    ...(workbook.calc.iterate && { iterate: { count: workbook.calc.iterateCount, delta: workbook.calc.iterateDelta } }),
    date1904: workbook.date1904,
    ...(workbook.externalBooks?.length && { externalBooks: workbook.externalBooks.map((book) => ({ sheets: book.sheets.map((sheet) => ({ name: sheet.name, cells: [...sheet.cells] })) })) }),
  };
  const formulas: FormulaDefinition[] = workbook.sheets.flatMap((sheet) =>
    [...sheet.cells].flatMap(([address, cell]) =>
      cell.formula === undefined
        ? []
        : [{ sheet: sheet.name, address, text: cell.formula, mode: cell.dynamic ? "dynamic" : cell.arrayRange ? "array" : "legacy", ...(cell.arrayRange && { area: cell.arrayRange }), ...(workbook.calc.iterate && { cached: cell.value }), build: builder(cell.formula) } as const],
    ),
  );
  const names: NameDefinition[] = workbook.names.map((n) => ({ ...n, build: builder(n.formula) }));
  const model = createModel(data, formulas, names, FUNCTIONS, options);
  return { compute: model.compute, inputs: analysis.inputs, outputs: analysis.outputs, spec: buildAppSpec(workbook, analysis, title) };
}
