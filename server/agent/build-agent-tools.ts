import "server-only";
import type { Database } from "@/db/database";
import { createWorkbookModelTools } from "@/server/agent/tools/workbook-model-tools";
import { createWorkbookTools } from "@/server/agent/tools/workbook-tools";
import { createConnectorTools } from "@/server/connectors/create-connector-tools";
import { getSecretKey } from "@/server/secrets/get-secret-key";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";
import type { FileStorage } from "@/server/storage/file-storage";
import { ToolRegistry, type ToolCallRecord } from "@/server/tools/tool-registry";

/** The tools an organisation's agent can use: built-in workbook tools, one model tool per ready workbook, plus connectors configured for it. */
export async function buildAgentTools(deps: { db: Database; storage: FileStorage; record?: (call: ToolCallRecord) => void; secretKey?: () => Buffer; outbound?: OutboundGuard }, organisationId: string): Promise<ToolRegistry> {
  const registry = new ToolRegistry({ record: deps.record });
  for (const tool of createWorkbookTools(deps.db, deps.storage, organisationId)) registry.register(tool);
  for (const tool of await createWorkbookModelTools(deps.db, deps.storage, organisationId)) registry.register(tool);
  for (const tool of await createConnectorTools(deps.db, organisationId, deps.secretKey ?? getSecretKey, deps.outbound)) registry.register(tool);
  return registry;
}
