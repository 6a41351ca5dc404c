import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/open-embedded";
import { resolveSigningKey } from "@/inngest/signing-key";
import { resolveAuthSecret } from "@/server/auth/auth-secret";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";
import { readOrCreateSecret } from "@/server/security/persisted-secret";
import { secureDataDir } from "@/server/security/secure-data-dir";
import { createDiskStorage } from "@/server/storage/file-storage";

/**
 * DATA_DIR holds the session-signing key, the key that seals every stored credential, the Inngest signing key,
 * the embedded database and the uploaded workbooks: another account on the machine must read none of it. The
 * umask is opened wide here, so only the modes the code asks for protect anything.
 */
const mode = (target: string) => fs.statSync(target).mode & 0o777;
const embedded = { kind: "embedded", baseUrl: "http://127.0.0.1:1/api/inngest/", serveUrl: "http://127.0.0.1:1/api/inngest", isDev: false } as const;

describe("the embedded data directory", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cf-data-modes-"));
  let umask: number;
  beforeAll(() => {
    umask = process.umask(0o000);
  });
  afterAll(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("is created owner-only, with every key file 0600 and the database and uploads 0700", async () => {
    const dataDir = path.join(root, "fresh", ".data");
    resolveAuthSecret(dataDir, undefined);
    loadOrCreateSecretKey(dataDir);
    resolveSigningKey(embedded, dataDir, undefined);
    const database = await openEmbedded(dataDir);
    expect(mode(path.join(dataDir, "pglite.lock"))).toBe(0o600);
    await database.close();
    await createDiskStorage(path.join(dataDir, "files")).put("org-1/workbooks/w1/v1.xlsx", new Uint8Array([1, 2, 3]));

    expect(mode(dataDir)).toBe(0o700);
    for (const file of ["auth-secret", "secrets.key", "inngest-signing-key"]) expect(mode(path.join(dataDir, file)), file).toBe(0o600);
    expect(mode(path.join(dataDir, "pglite"))).toBe(0o700);
    for (const dir of ["files", "files/org-1", "files/org-1/workbooks/w1"]) expect(mode(path.join(dataDir, dir)), dir).toBe(0o700);
    expect(mode(path.join(dataDir, "files/org-1/workbooks/w1/v1.xlsx"))).toBe(0o600);
  });

  it("narrows what an older version left readable, at start and when a key is read", () => {
    const dataDir = path.join(root, "old");
    fs.mkdirSync(path.join(dataDir, "pglite"), { recursive: true, mode: 0o755 });
    fs.mkdirSync(path.join(dataDir, "files"), { mode: 0o777 });
    fs.chmodSync(dataDir, 0o755);
    for (const file of ["auth-secret", "secrets.key", "inngest-signing-key", "pglite.lock"]) fs.writeFileSync(path.join(dataDir, file), "x", { mode: 0o644 });
    fs.writeFileSync(path.join(dataDir, "operator-notes.txt"), "mine", { mode: 0o644 });

    secureDataDir(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const file of ["auth-secret", "secrets.key", "inngest-signing-key", "pglite.lock"]) expect(mode(path.join(dataDir, file)), file).toBe(0o600);
    for (const dir of ["pglite", "files"]) expect(mode(path.join(dataDir, dir)), dir).toBe(0o700);
    expect(mode(path.join(dataDir, "operator-notes.txt"))).toBe(0o644);

    const copied = path.join(root, "copied-auth-secret");
    fs.writeFileSync(copied, "kept", { mode: 0o664 });
    expect(readOrCreateSecret(copied, () => "new")).toBe("kept");
    expect(mode(copied)).toBe(0o600);
  });

  it("never widens a mode that is already narrower", () => {
    const dataDir = path.join(root, "narrow");
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.writeFileSync(path.join(dataDir, "secrets.key"), "x", { mode: 0o400 });
    secureDataDir(dataDir);
    expect(mode(path.join(dataDir, "secrets.key"))).toBe(0o400);
  });
});
