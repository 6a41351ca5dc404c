import "server-only";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { upsertPolicy } from "@/server/llm/llm-policy-repository";
import { llmPolicySchema, type LlmPolicy } from "@/server/llm/routing-policy";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Replaces an organisation's routing policy (validated), audited. The caller must invalidate the router's cache. */
export async function updatePolicy(db: Database, caller: Caller, input: LlmPolicy): Promise<LlmPolicy> {
  const policy = llmPolicySchema.parse(input);
  await upsertPolicy(db, caller.organisationId, policy, caller.userId);
  await recordAuditEvent(db, { action: "llm.policy.update", outcome: "success", organisationId: caller.organisationId, userId: caller.userId, details: {} });
  return policy;
}
