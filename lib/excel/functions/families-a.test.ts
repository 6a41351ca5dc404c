import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { familiesA } from "@/lib/excel/functions/families-a";
import { FUNCTIONS } from "@/lib/excel/functions/registry";

const testSources = readdirSync(__dirname)
  .filter((file) => file.endsWith(".test.ts") && file !== "families-a.test.ts")
  .map((file) => readFileSync(path.join(__dirname, file), "utf8"))
  .join("\n");

function escapeName(name: string): string {
  return name.replace(/\./g, "\\.");
}

describe("helper A's function families", () => {
  it("are all registered", () => {
    for (const spec of familiesA) expect(FUNCTIONS.get(spec.name)).toBe(spec);
  });

  it("declare consistent arities", () => {
    for (const spec of familiesA) {
      expect(spec.minArgs, spec.name).toBeLessThanOrEqual(spec.maxArgs);
      expect(spec.name).toMatch(/^[A-Z][A-Z0-9.]*$/);
    }
  });

  it("each have at least one formula test", () => {
    const untested = familiesA
      .map((spec) => spec.name)
      .filter((name) => !new RegExp(`(^|[^A-Z0-9.])${escapeName(name)}(\\(|")`).test(testSources));
    expect(untested.join(" ")).toBe("");
  });
});
