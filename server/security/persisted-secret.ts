import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDir, PRIVATE_FILE_MODE, tightenMode } from "@/server/security/secure-data-dir";

/**
 * A secret generated once into a file and read back on every later start (by any process), so what it signs
 * stays valid across restarts. The file is created exclusively, so two processes starting together agree. It
 * is readable by its owner only (0600, in a 0700 directory); an existing file with a wider mode is narrowed.
 */
export function readOrCreateSecret(file: string, generate: () => string): string {
  try {
    const secret = fs.readFileSync(file, "utf8").trim();
    tightenMode(file, PRIVATE_FILE_MODE);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    ensurePrivateDir(path.dirname(file));
    const secret = generate();
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: PRIVATE_FILE_MODE });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
