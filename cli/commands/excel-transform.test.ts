import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { excelTransform } from "@/cli/commands/excel-transform";
import { buildEncryptedFile, buildLoanWorkbook, withChartAndMacros, writeWorkbook } from "@/test/fixtures/workbooks/build-workbooks";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cf-transform-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function transform(name: string, bytes: Uint8Array, framework = "react") {
  const file = join(dir, name);
  await writeFile(file, bytes);
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await excelTransform([file, "--framework", framework, "--out", join(dir, `${name}-app`), "--json"]);
    return { code, stdout, stderr, out: join(dir, `${name}-app`) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("excel transform", () => {
  it("writes a project and reports its shape as JSON", async () => {
    const result = await transform("loan.xlsx", buildLoanWorkbook(), "angular");
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { inputs: number; pages: string[] };
    expect(summary).toMatchObject({ inputs: 6, pages: ["Loan", "Schedule"] });
    expect(await readFile(join(result.out, "angular.json"), "utf8")).toContain("@angular/build:application");
  });

  it("ignores macros and says so", async () => {
    const bytes = withChartAndMacros(buildLoanWorkbook(), "Payments", "Schedule!A2:A6", "Schedule!B2:B6");
    const result = await transform("macros.xlsm", bytes);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).unsupported).toContainEqual(expect.objectContaining({ kind: "macros" }));
  });

  it("refuses an image renamed .xlsx and a password-protected workbook with clear errors", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const image = await transform("photo.xlsx", png);
    expect(image.code).toBe(1);
    expect(image.stderr).toMatch(/cannot read .*photo\.xlsx: .*(not a spreadsheet|unsupported)/i);
    const locked = await transform("locked.xlsx", buildEncryptedFile());
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain("password-protected");
  });

  it("handles hundreds of sheets", async () => {
    const sheets = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`S${i}`, [["Value", i], ["Double", { t: "n", f: `B1*2` } as const]]]));
    const started = performance.now();
    const result = await transform("many.xlsx", writeWorkbook(sheets));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).pages).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("explains its usage", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await excelTransform(["book.xlsx", "--framework", "svelte", "--out", "x"])).toBe(2);
      expect(await excelTransform([])).toBe(2);
    } finally {
      err.mockRestore();
    }
  });
});
