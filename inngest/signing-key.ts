import crypto from "node:crypto";
import path from "node:path";
import { env } from "@/env";
import type { InngestConnection } from "@/inngest/connection";
import { readOrCreateSecret } from "@/server/security/persisted-secret";

/**
 * The key that signs requests between the executor and the serve route. INNGEST_SIGNING_KEY when set; with
 * the embedded executor and no key, one generated once into DATA_DIR, so the embedded executor always runs in
 * signed (production) mode and never needs dev mode, which production refuses.
 */
export function resolveSigningKey(connection: InngestConnection, dataDir = env.DATA_DIR, configured = env.INNGEST_SIGNING_KEY): string | undefined {
  if (configured || connection.kind !== "embedded") return configured;
  return readOrCreateSecret(path.resolve(dataDir, "inngest-signing-key"), () => `signkey-prod-${crypto.randomBytes(32).toString("hex")}`);
}
