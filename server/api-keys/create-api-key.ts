import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { insertApiKey } from "@/server/api-keys/api-key-repository";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { Caller } from "@/server/auth/caller";

export const apiKeyNameSchema = z.string().trim().min(1, "Name the key.").max(80, "Use at most 80 characters.");

export async function createApiKey(db: Database, caller: Pick<Caller, "userId" | "organisationId">, name: string) {
  const { key, prefix, hash } = generateApiKey();
  const row = await insertApiKey(db, {
    organisationId: caller.organisationId,
    userId: caller.userId,
    name: apiKeyNameSchema.parse(name),
    prefix,
    hash,
  });
  await recordAuditEvent(db, {
    action: "api_key.create",
    outcome: "success",
    organisationId: caller.organisationId,
    userId: caller.userId,
    details: { apiKeyId: row.id, prefix },
  });
  return { id: row.id, name: row.name, prefix, key, createdAt: row.createdAt };
}
