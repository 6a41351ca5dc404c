import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/open-embedded";
import { users } from "@/db/schema";

describe("embedded database", () => {
  it("persists across opens and applies migrations", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-embedded-"));
    const first = await openEmbedded(dataDir);
    expect(first.driver).toBe("pglite");
    await first.db.insert(users).values({ email: "kept@example.com" });
    await first.close();
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);

    const second = await openEmbedded(dataDir);
    const rows = await second.db.select().from(users);
    expect(rows.map((row) => row.email)).toEqual(["kept@example.com"]);
    await second.close();
  });

  it("lets a second process share the database through the owner's socket", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-embedded-"));
    const owner = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "test/fixtures/hold-embedded-database.ts", dataDir], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const [ready] = (await once(owner.stdout, "data")) as [Buffer];
    expect(ready.toString()).toContain("ready");

    const client = await openEmbedded(dataDir);
    expect(client.driver).toBe("postgres");
    await client.db.insert(users).values({ email: "through-socket@example.com" });
    expect((await client.db.select().from(users)).map((row) => row.email)).toContain("through-socket@example.com");
    await client.close();

    owner.stdin.end();
    await once(owner, "exit");
    const reopened = await openEmbedded(dataDir);
    expect(reopened.driver).toBe("pglite");
    expect((await reopened.db.select().from(users)).map((row) => row.email)).toContain("through-socket@example.com");
    await reopened.close();
  });
});
