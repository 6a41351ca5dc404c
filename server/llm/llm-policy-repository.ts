import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { llmPolicies } from "@/db/schema";

export async function findStoredPolicy(db: Database, organisationId: string): Promise<unknown> {
  const row = await db.query.llmPolicies.findFirst({ where: eq(llmPolicies.organisationId, organisationId) });
  return row?.policy;
}

export async function upsertPolicy(db: Database, organisationId: string, policy: Record<string, unknown>, updatedBy: string): Promise<void> {
  await db
    .insert(llmPolicies)
    .values({ organisationId, policy, updatedBy })
    .onConflictDoUpdate({ target: llmPolicies.organisationId, set: { policy, updatedBy, updatedAt: new Date() } });
}
