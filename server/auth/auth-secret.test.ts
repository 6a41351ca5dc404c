import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "@/server/auth/auth-secret";

describe("resolveAuthSecret", () => {
  it("generates a secret once and returns the same one on every later boot", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-secret-"));
    const first = resolveAuthSecret(dataDir, undefined);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(resolveAuthSecret(dataDir, undefined)).toBe(first);
    expect(fs.statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
  });

  it("prefers AUTH_SECRET when configured", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-secret-"));
    expect(resolveAuthSecret(dataDir, "configured-secret")).toBe("configured-secret");
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });
});
