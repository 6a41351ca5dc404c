import "server-only";
import type { Database } from "@/db/database";
import { isAdminRole, type Caller } from "@/server/auth/caller";
import { deleteConnectorCredential, findConnectorCredential, upsertConnectorCredential } from "@/server/connectors/connector-credential-repository";
import { SalesforceClient, type SalesforceCredentials } from "@/server/connectors/salesforce/salesforce-client";
import { SalesforceError } from "@/server/connectors/salesforce/salesforce-error";
import { salesforceCredentialsSchema, type SalesforceCredentialsInput } from "@/server/connectors/salesforce/salesforce-credentials-schema";
import { AppError } from "@/server/errors/app-error";
import { decryptSecret, encryptSecret } from "@/server/secrets/secret-box";
import { getOutboundGuard } from "@/server/security/get-outbound-guard";
import { OutboundRequestRefusedError } from "@/server/security/outbound-request-refused-error";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export interface SalesforceConnectionDependencies {
  db: Database;
  secretKey: Buffer;
  /** The guard the login and instance URLs pass (the process-wide one by default). */
  outbound?: OutboundGuard;
}

/** What the settings page and the CLI show: never a secret. */
export interface SalesforceConnectionSummary {
  connected: boolean;
  label?: string;
  updatedAt?: Date;
}

// The organisation is bound as associated data, so a sealed value copied to another organisation fails to open.
const secretContext = (organisationId: string) => `connector:salesforce:${organisationId}`;

const labelOf = (credentials: SalesforceCredentials) =>
  credentials.kind === "password" ? `${credentials.username} via ${new URL(credentials.loginUrl).host}` : `token for ${new URL(credentials.instanceUrl).host}`;

function requireAdmin(caller: Caller): void {
  if (!isAdminRole(caller.role)) throw new AppError("forbidden", "Only organisation owners and admins can change connector credentials.");
}

/**
 * Checks the URL against the outbound guard and the credentials against Salesforce (a one-row query), then
 * stores them encrypted for the caller's organisation, replacing earlier ones. From then on the organisation's
 * agent has the Salesforce tools.
 */
export async function saveSalesforceCredentials(deps: SalesforceConnectionDependencies, caller: Caller, input: SalesforceCredentialsInput): Promise<SalesforceConnectionSummary> {
  requireAdmin(caller);
  const parsed = salesforceCredentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", `Invalid Salesforce credentials: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "credentials"}: ${issue.message}`).join("; ")}`);
  const credentials: SalesforceCredentials = parsed.data;
  const outbound = deps.outbound ?? getOutboundGuard();
  await outbound.checkUrl(credentials.kind === "password" ? credentials.loginUrl : credentials.instanceUrl, { base: true });
  try {
    await new SalesforceClient(credentials, outbound).query("SELECT Id FROM User LIMIT 1", { maxRecords: 1, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    if (error instanceof OutboundRequestRefusedError) throw error;
    const reason = error instanceof SalesforceError ? error.message : `Salesforce could not be reached (${error instanceof Error ? error.message : String(error)})`;
    throw new AppError("bad_request", `These credentials did not work, so nothing was stored: ${reason}. Check the login URL, the connected app and the password with its security token.`);
  }
  const row = await upsertConnectorCredential(deps.db, {
    organisationId: caller.organisationId,
    connector: "salesforce",
    encryptedCredentials: encryptSecret(deps.secretKey, JSON.stringify(credentials), secretContext(caller.organisationId)),
    label: labelOf(credentials),
    createdBy: caller.userId,
  });
  return { connected: true, label: row.label, updatedAt: row.updatedAt };
}

export async function getSalesforceConnection(db: Database, organisationId: string): Promise<SalesforceConnectionSummary> {
  const row = await findConnectorCredential(db, organisationId, "salesforce");
  return row ? { connected: true, label: row.label, updatedAt: row.updatedAt } : { connected: false };
}

export async function removeSalesforceCredentials(db: Database, caller: Caller): Promise<void> {
  requireAdmin(caller);
  if (!(await deleteConnectorCredential(db, caller.organisationId, "salesforce"))) throw new AppError("not_found", "This organisation has no Salesforce credentials stored.");
}

/** The organisation's Salesforce credentials, decrypted, or undefined when it stored none. */
export async function loadSalesforceCredentials(db: Database, secretKey: () => Buffer, organisationId: string): Promise<SalesforceCredentials | undefined> {
  const row = await findConnectorCredential(db, organisationId, "salesforce");
  if (!row) return undefined;
  return salesforceCredentialsSchema.parse(JSON.parse(decryptSecret(secretKey(), row.encryptedCredentials, secretContext(organisationId))));
}
