/**
 * The rule "every registered function has tests": each name in the registry must be called in some test
 * under lib/excel (as NAME( in a formula or "NAME" in a direct spec call).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FUNCTIONS } from "@/lib/excel/functions/registry";

const excelDir = join(dirname(fileURLToPath(import.meta.url)), "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") && name !== "registry-coverage.test.ts" ? [path] : [];
  });
}

function isCalled(name: string, text: string): boolean {
  const escaped = name.replaceAll(".", "\\.");
  return new RegExp(`(?:^|[^A-Za-z0-9_.])${escaped}\\s*\\(|"${escaped}"`).test(text);
}

describe("function registry coverage", () => {
  it("has a test calling every registered function", () => {
    const text = testFiles(excelDir)
      .map((path) => readFileSync(path, "utf8"))
      .join("\n");
    const untested = [...FUNCTIONS.keys()].filter((name) => !isCalled(name, text));
    expect(untested).toEqual([]);
  });

  it("notices a function no test calls", () => {
    expect(isCalled("NOSUCHFUNCTION", 'expect(ev("SUM(1)")).toBe(1)')).toBe(false);
    expect(isCalled("SUM", 'expect(ev("SUM(1)")).toBe(1)')).toBe(true);
    expect(isCalled("STDEV.S", '["STDEV.S(A1:A3)", 1]')).toBe(true);
    expect(isCalled("S", '["STDEV.S(A1:A3)", 1]')).toBe(false);
  });
});
