/**
 * SLOW (1-3 minutes, needs the npm registry): generates a React project from a workbook, runs its own
 * `npm install` and `npm run build` (tsc strict + vite), and checks the built app and its model.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { generateProject } from "@/lib/excel/generate/generate-project";
import { readGeneratorSources } from "@/lib/excel/generate/read-generator-sources";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { buildLoanWorkbook } from "@/test/fixtures/workbooks/build-workbooks";

const run = promisify(execFile);
let dir = "";

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("a generated React project", () => {
  it("installs from the npm registry, type-checks and builds", async () => {
    dir = await mkdtemp(join(tmpdir(), "cf-react-app-"));
    const files = generateProject(loadWorkbook(buildLoanWorkbook(), { fileName: "loan.xlsx" }), {
      framework: "react",
      sources: await readGeneratorSources(process.cwd()),
      title: "Loan calculator",
    });
    for (const [path, content] of files) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: dir, maxBuffer: 1 << 26 });
    const build = await run("npm", ["run", "build"], { cwd: dir, maxBuffer: 1 << 26 });
    expect(build.stdout).toContain("built in");
    expect(existsSync(join(dir, "dist/index.html"))).toBe(true);
    const html = await readFile(join(dir, "dist/index.html"), "utf8");
    expect(html).toContain("<title>Loan calculator</title>");
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["react", "react-dom"]);
  }, 600_000);
});
