import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/env";

/**
 * The key that signs session tokens: AUTH_SECRET when set, otherwise generated once into DATA_DIR and reused
 * on every later boot, so sessions survive restarts.
 */
export function resolveAuthSecret(dataDir = env.DATA_DIR, configured = env.AUTH_SECRET): string {
  if (configured) return configured;
  const secretPath = path.resolve(dataDir, "auth-secret");
  try {
    return fs.readFileSync(secretPath, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(secretPath), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(secretPath, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another process created it first: use theirs.
      return fs.readFileSync(secretPath, "utf8").trim();
    }
  }
}
