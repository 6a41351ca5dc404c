import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeXlsxWithoutValues } from "@/test/workbooks/write-xlsx-without-values";

/** `npm run cli` as users run it: scripts/run-cli.mjs builds the bundle once, then runs it. */
const run = (...args: string[]): string => execFileSync(process.execPath, ["--conditions=react-server", "scripts/run-cli.mjs", ...args], { encoding: "utf8", timeout: 120_000 });
const bundle = join(process.cwd(), "node_modules/.cache/candlefish-cli/index.mjs");

describe("the compiled command line", () => {
  it("evaluates a workbook, then runs again from the same build", () => {
    const file = join(mkdtempSync(join(tmpdir(), "run-cli-")), "book.xlsx");
    writeFileSync(file, writeXlsxWithoutValues({ sheets: { S: { A1: 20, A2: "=A1/4" } } }));
    expect(JSON.parse(run("excel", "eval", file, "--json"))).toEqual({ cells: { "S!A2": 5 } });
    const built = statSync(bundle).mtimeMs;
    expect(run("excel", "eval", file)).toBe('S!A2\t5\n');
    expect(statSync(bundle).mtimeMs).toBe(built);
  }, 180_000);

  it("says what each excel command does", () => {
    expect(run("excel", "eval", "--help")).toMatch(/recomputes every\s+formula from scratch/);
    expect(run("excel", "transform", "--help")).toMatch(/standalone web-app project/);
    expect(run("--help")).toMatch(/recompute every formula of a workbook/);
  }, 180_000);
});
