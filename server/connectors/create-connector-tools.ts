import "server-only";
import type { Database } from "@/db/database";
import { SalesforceClient } from "@/server/connectors/salesforce/salesforce-client";
import { loadSalesforceCredentials } from "@/server/connectors/salesforce/salesforce-connection";
import { createSalesforceTools } from "@/server/connectors/salesforce/salesforce-tools";
import { getOutboundGuard } from "@/server/security/get-outbound-guard";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";
import type { Tool } from "@/server/tools/tool";

/**
 * The tools of every connector the organisation stored credentials for (the key is read only when some are
 * stored). Credentials that cannot be opened (the secrets key changed) leave that connector out, loudly, rather
 * than stopping the organisation's agent. Connectors reach their URLs only through `outbound`.
 */
export async function createConnectorTools(db: Database, organisationId: string, secretKey: () => Buffer, outbound: OutboundGuard = getOutboundGuard()): Promise<Tool[]> {
  try {
    const salesforce = await loadSalesforceCredentials(db, secretKey, organisationId);
    return salesforce ? createSalesforceTools(new SalesforceClient(salesforce, outbound)) : [];
  } catch (error) {
    console.error(`connectors: Salesforce left out for organisation ${organisationId}; store its credentials again in Settings.`, error instanceof Error ? error.message : error);
    return [];
  }
}
