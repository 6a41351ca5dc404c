import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { excelEval } from "@/cli/commands/excel-eval";
import { writeXlsxWithoutValues } from "@/test/workbooks/write-xlsx-without-values";

let out = "";
let err = "";

beforeEach(() => {
  out = "";
  err = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function writeBook(): string {
  const dir = mkdtempSync(join(tmpdir(), "excel-eval-"));
  const book = XLSX.utils.book_new();
  const ws = {
    "!ref": "A1:C3",
    A1: { t: "n", v: 2 },
    B1: { t: "n", v: 999, f: "A1*10" },
    A2: { t: "s", v: "hi" },
    B2: { t: "s", v: "stale", f: 'A2&"!"' },
    C1: { t: "n", v: 0, f: "1/0" },
  } as XLSX.WorkSheet;
  XLSX.utils.book_append_sheet(book, ws, "My Sheet");
  const path = join(dir, "book.xlsx");
  writeFileSync(path, new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
  return path;
}

describe("excel eval", () => {
  it("recomputes every formula cell, ignoring cached values", async () => {
    const code = await excelEval([writeBook(), "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ cells: { "My Sheet!B1": 20, "My Sheet!C1": { error: "#DIV/0!" }, "My Sheet!B2": "hi!" } });
  });

  it("computes formulas saved without cached values (as openpyxl writes them)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "excel-eval-")), "openpyxl.xlsx");
    writeFileSync(path, writeXlsxWithoutValues({ sheets: { Sheet: { A1: 1, A2: "=A1+1", B1: { shared: "A1*3", ref: "B1:B2" } } } }));
    expect(await excelEval([path, "--json"])).toBe(0);
    expect(JSON.parse(out)).toEqual({ cells: { "Sheet!A2": 2, "Sheet!B1": 3, "Sheet!B2": 6 } });
  });

  it("applies --set assignments: JSON values, text and formulas (spilled cells included)", async () => {
    const code = await excelEval([writeBook(), "--set", "My Sheet!A1=5", "--set", "'My Sheet'!A2=not json", "--set", "My Sheet!D1==SEQUENCE(2)", "--json"]);
    expect(code).toBe(0);
    const { cells } = JSON.parse(out) as { cells: Record<string, unknown> };
    expect(cells["My Sheet!B1"]).toBe(50);
    expect(cells["My Sheet!B2"]).toBe("not json!");
    expect(cells["My Sheet!D1"]).toBe(1);
    expect(cells["My Sheet!D2"]).toBe(2);
  });

  it("fails with one line on stderr for unreadable files, unknown sheets and bad references", async () => {
    expect(await excelEval([join(tmpdir(), "does-not-exist.xlsx"), "--json"])).not.toBe(0);
    expect(err.trim().split("\n")).toHaveLength(1);
    err = "";
    expect(await excelEval([writeBook(), "--set", "Nope!A1=1"])).not.toBe(0);
    expect(err).toMatch(/Unknown sheet "Nope"/);
    err = "";
    expect(await excelEval([writeBook(), "--set", "My Sheet!ZZZZ1=1"])).not.toBe(0);
    expect(err.trim().split("\n")).toHaveLength(1);
    const bad = join(mkdtempSync(join(tmpdir(), "excel-eval-")), "bad.xlsx");
    writeFileSync(bad, "this is not a workbook");
    err = "";
    expect(await excelEval([bad])).toBe(1);
    expect(err).toMatch(/unsupported_format|corrupt/);
    expect(out).toBe("");
  });
});
