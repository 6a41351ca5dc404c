import "server-only";
import crypto from "node:crypto";
import path from "node:path";
import { env } from "@/env";
import { readOrCreateSecret } from "@/server/security/persisted-secret";

/**
 * The key that signs session tokens: AUTH_SECRET when set, otherwise generated once into DATA_DIR and reused
 * on every later boot, so sessions survive restarts.
 */
export function resolveAuthSecret(dataDir = env.DATA_DIR, configured = env.AUTH_SECRET): string {
  if (configured) return configured;
  return readOrCreateSecret(path.resolve(dataDir, "auth-secret"), () => crypto.randomBytes(32).toString("base64url"));
}
