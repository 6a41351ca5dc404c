import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeZip } from "@/server/storage/write-zip";
import { readZip } from "@/test/read-zip";

const hasUnzip = (() => {
  try {
    execFileSync("unzip", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("writeZip", () => {
  const files = new Map<string, string>([
    ["package.json", '{ "name": "loan" }\n'],
    ["src/model.ts", "export const rate = 0.05;\n".repeat(200)],
    ["src/Prêt.ts", "// non-ASCII name\n"],
    ["empty.txt", ""],
  ]);

  it("stores every file, compressed, under its path", () => {
    const zip = writeZip(files);
    expect(readZip(zip)).toEqual(files);
    expect(zip.length).toBeLessThan([...files.values()].join("").length);
  });

  it.skipIf(!hasUnzip)("is an archive the unzip tool extracts intact", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-zip-"));
    fs.writeFileSync(path.join(dir, "app.zip"), writeZip(files));
    execFileSync("unzip", ["-q", "app.zip", "-d", "out"], { cwd: dir });
    for (const [name, content] of files) expect(fs.readFileSync(path.join(dir, "out", name), "utf8")).toBe(content);
  });
});
