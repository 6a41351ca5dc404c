import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import type { Field, WorkbookAnalysis } from "@/lib/excel/analyse/types";
import { createEngine, type Engine } from "@/lib/excel/engine";
import { quoteSheetName } from "@/lib/excel/formula/references";
import { isoDateToSerial } from "@/lib/excel/generate/runtime/ui-support";
import { ERROR_CODES, type Scalar, toJsonValue } from "@/lib/excel/values";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage } from "@/server/storage/file-storage";
import { defineTool, type Tool } from "@/server/tools/tool";
import { loadWorkbookVersion } from "@/server/workbooks/load-workbook-version";
import { findWorkbook, listWorkbooks, type WorkbookRow } from "@/server/workbooks/workbook-repository";

const jsonCellValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.object({ error: z.enum(ERROR_CODES) })]);
const outputSchema = z.object({
  workbook: z.string(),
  inputs: z.array(z.object({ key: z.string(), ref: z.string(), label: z.string(), value: jsonCellValue })),
  outputs: z.array(z.object({ ref: z.string(), label: z.string(), type: z.string(), value: jsonCellValue })),
});
const MAX_TOOLS = 50;
const MAX_FIELDS = 60;
const MAX_CACHED_ENGINES = 16;

/** Loaded engines by workbook id and version, least recently used first; a new version is a new key. */
const globalForEngines = globalThis as unknown as { candlefishModelEngines?: Map<string, Engine> };
const engines = (globalForEngines.candlefishModelEngines ??= new Map<string, Engine>());

async function engineFor(db: Database, storage: FileStorage, organisationId: string, workbookId: string): Promise<Engine> {
  const row = await findWorkbook(db, organisationId, workbookId);
  if (!row || row.status !== "ready") throw new AppError("not_found", "This workbook is no longer available; it may have been replaced or removed.");
  const key = `${workbookId}@${row.currentVersion}`;
  const cached = engines.get(key);
  if (cached) {
    engines.delete(key);
    engines.set(key, cached);
    return cached;
  }
  const { workbook } = await loadWorkbookVersion(db, storage, organisationId, workbookId);
  const engine = createEngine(workbook);
  engine.recalculateAll();
  engines.set(key, engine);
  for (const stale of engines.keys()) {
    if (engines.size <= MAX_CACHED_ENGINES) break;
    engines.delete(stale);
  }
  return engine;
}

/** "Annual rate (%)" -> "annual_rate"; unique within the tool, so the model sees readable argument names. */
function inputKeys(fields: readonly Field[]): string[] {
  const seen = new Set<string>();
  return fields.map((field) => {
    const base = field.label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40) || field.address.toLowerCase();
    let key = /^[a-z_]/.test(base) ? base : `_${base}`;
    for (let n = 2; seen.has(key); n += 1) key = `${base}_${n}`;
    seen.add(key);
    return key;
  });
}

function fieldSchema(field: Field): z.ZodType {
  const about = `${field.label || field.address} (cell ${field.ref}); default ${JSON.stringify(field.default)}`;
  switch (field.type) {
    case "percent":
      return z.number().describe(`${about}. A fraction: 0.06 means 6%.`);
    case "number":
    case "currency":
      return z.number().describe(about);
    case "boolean":
      return z.boolean().describe(about);
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as yyyy-mm-dd").describe(`${about}. A date, yyyy-mm-dd.`);
    case "list":
      return field.options && field.options.length > 0 ? z.enum(field.options as [string, ...string[]]).describe(about) : z.string().describe(about);
    case "text":
      return z.string().describe(about);
  }
}

function toScalar(field: Field, value: unknown): Scalar {
  if (field.type === "date" && typeof value === "string") return isoDateToSerial(value) ?? value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  const fallback = field.default;
  return fallback !== null && typeof fallback === "object" ? null : fallback;
}

function engineRef(field: Field): string {
  return `${quoteSheetName(field.sheet)}!${field.address}`;
}

function describeModel(name: string, analysis: WorkbookAnalysis): string {
  const labels = (fields: readonly Field[]) => fields.slice(0, 12).map((field) => field.label || field.ref).join(", ");
  const sheets = analysis.pages.map((page) => page.name).join(", ");
  return `Computes ${labels(analysis.outputs)} from ${labels(analysis.inputs)} with the uploaded Excel workbook "${name}"${sheets ? ` (sheets: ${sheets})` : ""}. Give only the inputs that change; the others keep the workbook's values.`;
}

/** One ready workbook as a tool: its inputs (typed, labelled) in, its outputs (labelled values) out. */
export function createWorkbookModelTool(db: Database, storage: FileStorage, organisationId: string, row: Pick<WorkbookRow, "id" | "name">, analysis: WorkbookAnalysis): Tool {
  const inputs = analysis.inputs.slice(0, MAX_FIELDS);
  const outputs = analysis.outputs.slice(0, MAX_FIELDS);
  const keys = inputKeys(inputs);
  const shape = Object.fromEntries(inputs.map((field, index) => [keys[index]!, fieldSchema(field).optional()]));
  return defineTool({
    id: `workbook.${row.id}`,
    name: `${row.name} model`,
    description: describeModel(row.name, analysis),
    category: "model",
    timeoutMs: 60_000,
    inputSchema: z.object(shape).strict(),
    outputSchema,
    execute: async (given: Record<string, unknown>) => {
      const engine = await engineFor(db, storage, organisationId, row.id);
      // Every input is set on every call (given or default), so what a previous call changed never leaks.
      const used = inputs.map((field, index) => {
        const key = keys[index]!;
        const value = toScalar(field, given[key]);
        engine.setCellValue(engineRef(field), value);
        return { key, ref: field.ref, label: field.label, value: toJsonValue(value) };
      });
      engine.recalculate();
      return {
        workbook: row.name,
        inputs: used,
        outputs: outputs.map((field) => ({ ref: field.ref, label: field.label, type: field.type, value: toJsonValue(engine.getValue(engineRef(field))) })),
      };
    },
  });
}

/** Every ready workbook of the organisation that has inputs and outputs, published as a `model` tool. */
export async function createWorkbookModelTools(db: Database, storage: FileStorage, organisationId: string): Promise<Tool[]> {
  const rows = await listWorkbooks(db, organisationId, MAX_TOOLS);
  return rows.flatMap((row) => {
    // Stored as JSON by the transformation's "analyse" step.
    const analysis = row.analysis as unknown as WorkbookAnalysis | null;
    if (row.status !== "ready" || !analysis || analysis.inputs.length === 0 || analysis.outputs.length === 0) return [];
    return [createWorkbookModelTool(db, storage, organisationId, row, analysis)];
  });
}
