import "server-only";
import type { Database } from "@/db/database";
import { createWorkbookTools } from "@/server/agent/tools/workbook-tools";
import type { FileStorage } from "@/server/storage/file-storage";
import { ToolRegistry, type ToolCallRecord } from "@/server/tools/tool-registry";

/** The tools an organisation's agent can use: built-in workbook tools, plus connectors configured for it. */
export function buildAgentTools(deps: { db: Database; storage: FileStorage; record?: (call: ToolCallRecord) => void }, organisationId: string): ToolRegistry {
  const registry = new ToolRegistry({ record: deps.record });
  for (const tool of createWorkbookTools(deps.db, deps.storage, organisationId)) registry.register(tool);
  return registry;
}
