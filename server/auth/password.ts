import "server-only";
import { hash, verify } from "@node-rs/argon2";

// The library's defaults are argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
