import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import type { SourceFiles } from "@/lib/excel/generate/collect-engine-files";
import { type Framework, GenerateError, generateProject } from "@/lib/excel/generate/generate-project";
import { readGeneratorSources } from "@/lib/excel/generate/read-generator-sources";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { type JsonCellValue, type Scalar, toJsonValue } from "@/lib/excel/values";
import type { Workbook } from "@/lib/excel/workbook/model";
import { buildArrayWorkbook, buildLoanWorkbook, f, writeWorkbook } from "@/test/fixtures/workbooks/build-workbooks";

interface GeneratedModel {
  compute(values?: Record<string, JsonCellValue>): Record<string, JsonCellValue>;
  inputs: readonly { ref: string; type: string; default: JsonCellValue }[];
}

let sources: SourceFiles;
let root: string;

beforeAll(async () => {
  sources = await readGeneratorSources(process.cwd());
  root = await mkdtemp(join(tmpdir(), "cf-generate-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function generate(bytes: Uint8Array, name: string, framework: Framework = "react") {
  return generateFrom(loadWorkbook(bytes, { fileName: `${name}.xlsx` }), name, framework);
}

async function generateFrom(workbook: Workbook, name: string, framework: Framework = "react") {
  const files = generateProject(workbook, { framework, sources, title: name });
  const dir = join(root, `${name}-${framework}`);
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  const model = (await import(join(dir, "src/model.ts"))) as GeneratedModel;
  return { workbook, files, model };
}

function engineValues(bytes: Uint8Array, sets: Record<string, Scalar> = {}): Record<string, JsonCellValue> {
  const engine = createEngine(loadWorkbook(bytes, { fileName: "book.xlsx" }));
  for (const [ref, value] of Object.entries(sets)) engine.setCellValue(ref, value);
  engine.recalculateAll();
  return Object.fromEntries(engine.computedValues().map((c) => [`${c.sheet}!${c.address}`, toJsonValue(c.value)]));
}

describe("generateProject", () => {
  it("writes a model whose compute() reproduces the engine, before and after input changes", async () => {
    const bytes = buildLoanWorkbook();
    const { model } = await generate(bytes, "loan");
    expect(model.compute({})).toEqual(engineValues(bytes));
    const changed = { "Loan!B4": 0.07, "Loan!B7": "Premium", "Loan!B8": false, "Schedule!B3": 900 };
    expect(model.compute(changed)).toEqual(engineValues(bytes, changed));
    expect(model.compute({ "Loan!B5": 10 })).toEqual(engineValues(bytes, { "Loan!B5": 10 }));
    expect(model.inputs.map((i) => [i.ref, i.type])).toContainEqual(["Loan!B7", "list"]);
  });

  it("evaluates spills and ranges over an input table when inputs change their size", async () => {
    const bytes = buildArrayWorkbook();
    const { model } = await generate(bytes, "arrays");
    expect(model.compute({})).toEqual(engineValues(bytes));
    const changed = { "Data!E2": 5, "Data!F8": 45, "Data!B3": 99 };
    const values = model.compute(changed);
    expect(values).toEqual(engineValues(bytes, changed));
    expect(values["Data!E11"]).toBe(5);
    expect(values["Data!F9"]).toBe(2);
  });

  it("copies only the function families the workbook calls and rewrites engine imports", async () => {
    const { files } = await generate(buildLoanWorkbook(), "loan-files");
    const paths = [...files.keys()];
    expect(paths).toContain("src/excel/functions/financial/financial-annuity.ts");
    expect(paths).not.toContain("src/excel/functions/engineering-complex.ts");
    expect(paths.some((p) => p.includes("load-workbook"))).toBe(false);
    for (const [path, text] of files) if (path.endsWith(".ts")) expect(text, path).not.toContain('"@/lib/');
  });

  it("reads the values cached for external workbooks and leaves hidden rows out of SUBTOTAL, as the engine does", async () => {
    const loaded = loadWorkbook(writeWorkbook({ S: [[10, f("[1]Rates!B2*2")], [20, f("SUBTOTAL(109,A1:A3)")], [30, f("SUM(A1:A3)")]] }), { fileName: "linked.xlsx" });
    const workbook: Workbook = {
      ...loaded,
      sheets: loaded.sheets.map((sheet) => ({ ...sheet, hiddenRows: [1] })),
      externalBooks: [{ sheets: [{ name: "Rates", cells: new Map([["B2", 0.25]]) }] }],
    };
    const { model } = await generateFrom(workbook, "linked");
    const engine = createEngine(workbook);
    engine.recalculateAll();
    const expected = Object.fromEntries(engine.computedValues().map((c) => [`${c.sheet}!${c.address}`, toJsonValue(c.value)]));
    expect(expected).toEqual({ "S!B1": 0.5, "S!B2": 40, "S!B3": 60 });
    expect(model.compute({})).toEqual(expected);
    expect(model.compute({ "S!A3": 5 })).toMatchObject({ "S!B2": 15, "S!B3": 35 });
  });

  it("generates a data viewer for a workbook without formulas", async () => {
    const bytes = writeWorkbook({ People: [["Name", "Age"], ["ann", 31], ["bob", 42]] });
    const { files, model } = await generate(bytes, "people", "vue");
    expect(model.compute({})).toEqual({});
    expect(files.get("src/app-spec.ts")).toContain('"headers":["Name","Age"]');
    expect(files.has("src/App.vue")).toBe(true);
  });

  it("refuses a workbook over the cell limit with a clear error", () => {
    const workbook = loadWorkbook(writeWorkbook({ S: [[1, 2, 3], [4, 5, 6]] }), { fileName: "big.xlsx" });
    expect(() => generateProject(workbook, { framework: "angular", sources, maxCells: 5 })).toThrow(GenerateError);
  });
});
