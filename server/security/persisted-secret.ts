import fs from "node:fs";
import path from "node:path";

/**
 * A secret generated once into a file and read back on every later start (by any process), so what it signs
 * stays valid across restarts. The file is created exclusively, so two processes starting together agree.
 */
export function readOrCreateSecret(file: string, generate: () => string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = generate();
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
