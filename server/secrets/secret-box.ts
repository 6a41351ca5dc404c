import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import path from "node:path";
import { AppError } from "@/server/errors/app-error";
import { readOrCreateSecret } from "@/server/security/persisted-secret";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Loads the 256-bit secrets key from `<dataDir>/secrets.key`, creating it (mode 0600) on first run. Two
 * processes starting at once agree on one key: creation is exclusive and the loser reads the winner's file.
 */
export function loadOrCreateSecretKey(dataDir: string): Buffer {
  const file = path.join(dataDir, "secrets.key");
  const key = Buffer.from(readOrCreateSecret(file, () => randomBytes(32).toString("base64")), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; restore it from backup.`);
  return key;
}

/** AES-256-GCM: `v1:<base64(iv | tag | ciphertext)>`; `context` (e.g. the organisation) is bound as AAD. */
export function encryptSecret(key: Buffer, plaintext: string, context = ""): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64")}`;
}

export function decryptSecret(key: Buffer, payload: string, context = ""): string {
  const [version, body] = payload.split(":", 2);
  if (version !== VERSION || !body) throw new AppError("internal", "A stored secret has an unknown format.");
  const raw = Buffer.from(body, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new AppError("internal", "A stored secret could not be decrypted: the secrets key file changed.", undefined, { cause: error });
  }
}
