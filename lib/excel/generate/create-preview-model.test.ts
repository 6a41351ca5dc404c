import { describe, expect, it } from "vitest";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import { createEngine } from "@/lib/excel/engine";
import { createPreviewModel } from "@/lib/excel/generate/create-preview-model";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import { toJsonValue } from "@/lib/excel/values";
import { buildArrayWorkbook, buildLoanWorkbook } from "@/test/fixtures/workbooks/build-workbooks";

describe("createPreviewModel", () => {
  it.each([
    ["loan", buildLoanWorkbook, { "Loan!B3": 50000, "Loan!B7": "Premium" }],
    ["arrays", buildArrayWorkbook, { "Data!E2": 1, "Data!B6": -3 }],
  ] as const)("computes what the engine computes for %s, with and without input changes", (_, build, changes) => {
    const workbook = loadWorkbook(build(), { fileName: "book.xlsx" });
    const preview = createPreviewModel(workbook, analyseWorkbook(workbook), "Preview");
    const expected = (sets: Record<string, number | string>) => {
      const engine = createEngine(loadWorkbook(build(), { fileName: "book.xlsx" }));
      for (const [ref, value] of Object.entries(sets)) engine.setCellValue(ref, value);
      engine.recalculateAll();
      return Object.fromEntries(engine.computedValues().map((c) => [`${c.sheet}!${c.address}`, toJsonValue(c.value)]));
    };
    expect(preview.compute({})).toEqual(expected({}));
    expect(preview.compute(changes)).toEqual(expected(changes));
    expect(preview.spec.title).toBe("Preview");
  });
});
