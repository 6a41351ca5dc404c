import "server-only";
import type { Database } from "@/db/database";
import { hashApiKey, looksLikeApiKey } from "@/server/api-keys/api-key-format";
import { findApiKeyByHash, touchApiKey } from "@/server/api-keys/api-key-repository";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";

/** Resolves an `Authorization` header to a caller, or throws 401 (missing, unknown or revoked key; audited). */
export async function authenticateApiKey(db: Database, authorization: string | null, ip?: string): Promise<Caller> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) {
    throw new AppError("unauthorized", "Send an API key as `Authorization: Bearer <key>`. Create one in Settings.");
  }
  const key = match[1];
  const found = looksLikeApiKey(key) ? await findApiKeyByHash(db, hashApiKey(key)) : undefined;
  if (!found || found.key.revokedAt || !found.role) {
    const reason = !found ? "unknown_key" : found.key.revokedAt ? "revoked_key" : "no_membership";
    await recordAuditEvent(db, {
      action: "api_key.authenticate",
      outcome: "failure",
      organisationId: found?.key.organisationId,
      userId: found?.key.userId,
      ip,
      details: { reason, prefix: key.slice(0, 10) },
    });
    throw new AppError("unauthorized", found?.key.revokedAt ? "This API key has been revoked." : "This API key is not valid.");
  }
  await touchApiKey(db, found.key.id);
  return { userId: found.key.userId, organisationId: found.key.organisationId, role: found.role, via: "api_key" };
}
