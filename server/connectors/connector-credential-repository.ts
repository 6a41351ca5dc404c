import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { connectorCredentials } from "@/db/schema";

export type ConnectorName = (typeof connectorCredentials.$inferSelect)["connector"];
export type ConnectorCredentialRow = typeof connectorCredentials.$inferSelect;

/** Stores an organisation's credentials for a connector, replacing any it had. */
export async function upsertConnectorCredential(
  db: Database,
  row: { organisationId: string; connector: ConnectorName; encryptedCredentials: string; label: string; createdBy: string | null },
): Promise<ConnectorCredentialRow> {
  const [stored] = await db
    .insert(connectorCredentials)
    .values(row)
    .onConflictDoUpdate({
      target: [connectorCredentials.organisationId, connectorCredentials.connector],
      set: { encryptedCredentials: row.encryptedCredentials, label: row.label, createdBy: row.createdBy, updatedAt: new Date() },
    })
    .returning();
  if (!stored) throw new Error("upsert into connector_credential returned no row");
  return stored;
}

export async function findConnectorCredential(db: Database, organisationId: string, connector: ConnectorName): Promise<ConnectorCredentialRow | undefined> {
  const [row] = await db
    .select()
    .from(connectorCredentials)
    .where(and(eq(connectorCredentials.organisationId, organisationId), eq(connectorCredentials.connector, connector)))
    .limit(1);
  return row;
}

export async function deleteConnectorCredential(db: Database, organisationId: string, connector: ConnectorName): Promise<boolean> {
  const deleted = await db
    .delete(connectorCredentials)
    .where(and(eq(connectorCredentials.organisationId, organisationId), eq(connectorCredentials.connector, connector)))
    .returning({ id: connectorCredentials.id });
  return deleted.length > 0;
}
