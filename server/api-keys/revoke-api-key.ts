import "server-only";
import type { Database } from "@/db/database";
import { markApiKeyRevoked } from "@/server/api-keys/api-key-repository";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";

export async function revokeApiKey(db: Database, caller: Caller, id: string): Promise<void> {
  const revoked = await markApiKeyRevoked(db, caller.organisationId, id);
  await recordAuditEvent(db, {
    action: "api_key.revoke",
    outcome: revoked ? "success" : "failure",
    organisationId: caller.organisationId,
    userId: caller.userId,
    details: { apiKeyId: id },
  });
  if (!revoked) throw new AppError("not_found", "No active API key with that id in your organisation.");
}
