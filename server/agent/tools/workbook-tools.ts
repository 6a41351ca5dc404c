import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import { createEngine } from "@/lib/excel/engine";
import { ERROR_CODES, toJsonValue } from "@/lib/excel/values";
import type { FileStorage } from "@/server/storage/file-storage";
import { defineTool, type Tool } from "@/server/tools/tool";
import { loadWorkbookVersion } from "@/server/workbooks/load-workbook-version";
import { listWorkbooks } from "@/server/workbooks/workbook-repository";

const jsonCellValue = z.union([z.number(), z.string(), z.boolean(), z.null(), z.object({ error: z.enum(ERROR_CODES) })]);
const MAX_VALUES = 200;

/** Built-in tools over the organisation's uploaded workbooks: list them, and compute one with changed inputs. */
export function createWorkbookTools(db: Database, storage: FileStorage, organisationId: string): Tool[] {
  return [
    defineTool({
      id: "workbooks.list",
      name: "List workbooks",
      description: "List the Excel workbooks this organisation uploaded, with their ids, names and status.",
      category: "model",
      inputSchema: z.object({}),
      outputSchema: z.object({ workbooks: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })) }),
      execute: async () => ({
        workbooks: (await listWorkbooks(db, organisationId, 50)).map((row) => ({ id: row.id, name: row.name, status: row.status })),
      }),
    }),
    defineTool({
      id: "workbook.evaluate",
      name: "Evaluate workbook",
      description:
        "Recalculate an uploaded Excel workbook (spreadsheet model: loan, budget, forecast, pricing) after setting input cells, and return formula results.",
      category: "model",
      timeoutMs: 60_000,
      inputSchema: z.object({
        workbookId: z.string().min(1),
        inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
        outputs: z.array(z.string()).max(MAX_VALUES).optional(),
      }),
      outputSchema: z.object({ values: z.record(z.string(), jsonCellValue), truncated: z.boolean() }),
      execute: async ({ workbookId, inputs, outputs }) => {
        const { workbook } = await loadWorkbookVersion(db, storage, organisationId, workbookId);
        const engine = createEngine(workbook);
        engine.recalculateAll();
        for (const [ref, value] of Object.entries(inputs)) engine.setCellValue(ref, value);
        engine.recalculate();
        const refs = outputs ?? engine.formulaCells();
        const values = Object.fromEntries(refs.slice(0, MAX_VALUES).map((ref) => [ref, toJsonValue(engine.getValue(ref))]));
        return { values, truncated: refs.length > MAX_VALUES };
      },
    }),
  ];
}
