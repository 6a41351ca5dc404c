import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, loadOrCreateSecretKey } from "@/server/secrets/secret-box";

describe("secret box", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cf-secrets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the key file once, private to the owner, and reuses it", () => {
    const first = loadOrCreateSecretKey(dir);
    const second = loadOrCreateSecretKey(dir);
    expect(first.length).toBe(32);
    expect(second.equals(first)).toBe(true);
    expect(statSync(path.join(dir, "secrets.key")).mode & 0o777).toBe(0o600);
  });

  it("round-trips a secret without storing the plaintext, with a fresh IV each time", () => {
    const key = loadOrCreateSecretKey(dir);
    const a = encryptSecret(key, "sk-live-123", "org-1");
    const b = encryptSecret(key, "sk-live-123", "org-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-live-123");
    expect(decryptSecret(key, a, "org-1")).toBe("sk-live-123");
  });

  it("refuses a tampered ciphertext, another context or another key", () => {
    const key = loadOrCreateSecretKey(dir);
    const sealed = encryptSecret(key, "secret", "org-1");
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(key, `v1:${raw.toString("base64")}`, "org-1")).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(key, sealed, "org-2")).toThrow(/could not be decrypted/);
    const otherDir = mkdtempSync(path.join(tmpdir(), "cf-secrets-"));
    expect(() => decryptSecret(loadOrCreateSecretKey(otherDir), sealed, "org-1")).toThrow(/could not be decrypted/);
    rmSync(otherDir, { recursive: true, force: true });
    expect(readFileSync(path.join(dir, "secrets.key"), "utf8")).not.toContain("secret");
  });
});
