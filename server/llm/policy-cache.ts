import "server-only";
import type { Database } from "@/db/database";
import { findStoredPolicy } from "@/server/llm/llm-policy-repository";
import { parseStoredPolicy, type LlmPolicy } from "@/server/llm/routing-policy";

/** Organisation policies, read from the database at most once per `ttlMs` per organisation. */
export function createPolicyCache(db: Database, ttlMs: number) {
  const entries = new Map<string, { loadedAt: number; policy: Promise<LlmPolicy> }>();
  return {
    get(organisationId: string): Promise<LlmPolicy> {
      const entry = entries.get(organisationId);
      if (entry && Date.now() - entry.loadedAt < ttlMs) return entry.policy;
      const policy = findStoredPolicy(db, organisationId).then(parseStoredPolicy);
      entries.set(organisationId, { loadedAt: Date.now(), policy });
      policy.catch(() => entries.delete(organisationId));
      return policy;
    },
    invalidate(organisationId: string) {
      entries.delete(organisationId);
    },
  };
}
