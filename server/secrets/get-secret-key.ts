import "server-only";
import path from "node:path";
import { env } from "@/env";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";

let cached: Buffer | undefined;

/** The process's secrets key, from (or created in) DATA_DIR. */
export function getSecretKey(): Buffer {
  cached ??= loadOrCreateSecretKey(path.resolve(env.DATA_DIR));
  return cached;
}
